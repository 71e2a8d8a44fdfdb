import fc from "fast-check";
import { judgeReportActual, readReportActual } from "../../src/evaluate/reportActual";
import { judgeCell } from "../../src/evaluate/judge";
import { explain } from "../../src/evaluate/explain";
import { parseTarget } from "../../src/parse/target";
import { formatNumber } from "../../src/parse/number";
import type { Direction } from "../../src/model";

/** Actuals as year-end reports write them (issue 13): how each reads, and how it is judged. */
type Row = [text: string, unit: string, values: number[] | "refused" | "qualitative", qualifier?: "about" | "above" | "below" | null];

const READINGS: Row[] = [
  ["ước đạt 7,1%", "%", [7.1]],
  ["ước tăng 7,1%", "%", [7.1]],
  ["tăng 16,2%", "%", [16.2]],
  ["dự ước 95", "%", [95]],
  ["ước thực hiện 1.462,8 tỷ đồng", "tỷ đồng", [1462.8]],
  ["đạt 99,8%", "%", [99.8]],
  ["khoảng 3%", "%", [3], "about"],
  ["Khoảng 24", "%", [24], "about"],
  ["xấp xỉ 5", "%", [5], "about"],
  ["trên 5", "%", [5], "above"],
  ["Trên 4", "%", [4], "above"],
  ["hơn 80 tỷ", "tỷ đồng", [80], "above"],
  ["ít nhất 31%", "%", [31], "above"],
  ["gần 12.000 ha", "ha", [12000], "below"],
  ["dưới 3", "%", [3], "below"],
  ["6.120 tỷ đồng", "tỷ đồng", [6120]],
  ["950 triệu USD", "tỷ USD", [0.95]],
  ["ước đạt 1,9 tỷ USD", "triệu USD", [1900]],
  ["2.405 USD", "USD", [2405]],
  ["12 xã", "xã", [12]],
  ["12 xã", "%", "refused"],
  ["950 triệu USD", "%", "refused"],
  ["268.100 tỷ đồng, tăng 16,2%", "tỷ đồng", [268100]],
  ["268.100 tỷ đồng, tăng 16,2%", "%", [16.2]],
  ["61-63", "%", [61, 63]],
  ["61 - 62%", "%", [61, 62]],
  ["7,0 đến 7,5", "%", [7, 7.5]],
  ["(2,15)", "%", [-2.15]],
  ["7,02", "%", [7.02]],
  ["Hoàn thành", "", "qualitative"],
  ["ước đạt", "", "qualitative"],
  // Estimate words
  ["ước tính 8,02%", "%", [8.02]],
  ["ước thực hiện 96,5%", "%", [96.5]],
  ["dự ước 1.250 tỷ đồng", "tỷ đồng", [1250]],
  ["thực hiện 45", "%", [45]],
  ["đạt 100%", "%", [100]],
  ["đạt 7,02%", "%", [7.02]],
  // Bounds and approximations
  ["khoảng 1,2 triệu lượt", "triệu lượt", [1.2], "about"],
  ["ước đạt khoảng 6,5%", "%", [6.5], "about"],
  ["ước đạt trên 5%", "%", [5], "above"],
  ["trên 2.000 tỷ", "tỷ đồng", [2000], "above"],
  ["gần 98%", "%", [98], "below"],
  ["dưới 1,5%", "%", [1.5], "below"],
  ["chưa đến 3%", "%", [3], "below"],
  ["ít nhất 12 xã", "xã", [12], "above"],
  ["tối thiểu 50", "%", [50], "above"],
  // Units and scale words
  ["khoảng 1.200 nghìn lượt", "triệu lượt", [1.2], "about"],
  ["hơn 15 nghìn", "người", [15000], "above"],
  ["3,2 triệu USD", "triệu USD", [3.2]],
  ["0,8 tỷ USD", "triệu USD", [800]],
  ["1.500 triệu đồng", "tỷ đồng", [1.5]],
  ["2,5 nghìn tỷ đồng", "tỷ đồng", [2500]],
  ["120 giường bệnh", "giường bệnh", [120]],
  ["27,5 giường", "giường bệnh", [27.5]],
  ["15 xã", "xã", [15]],
  ["5 huyện", "xã", "refused"],
  ["3 tỷ đồng", "ha", "refused"],
  // A level with its change
  ["95,5% , tăng 1,2 điểm %", "%", [95.5]],
  ["45.000 tỷ đồng; tăng 12%", "tỷ đồng", [45000]],
  ["45.000 tỷ đồng; tăng 12%", "%", [12]],
  ["giảm 0,5%", "%", [0.5]],
  // Ranges and signs
  ["7-7,5", "%", [7, 7.5]],
  ["7 – 7,5%", "%", [7, 7.5]],
  ["từ 60 đến 62", "%", [60, 62]],
  ["(0,5)", "%", [-0.5]],
  ["(1.234)", "tỷ đồng", [-1234]],
  ["-2,15", "%", [-2.15]],
  // Words and plain values
  ["Đạt", "", "qualitative"],
  ["Không đạt", "", "qualitative"],
  ["Chưa đạt", "", "qualitative"],
  ["7.02", "%", [7.02]],
  ["1,462.8", "tỷ đồng", [1462.8]],
  // The old scale word "vạn" (10.000)
  ["ước đạt trên 39 vạn tấn", "tấn", [390000], "above"],
  ["1,2 vạn người", "người", [12000]],
  // A reduction and the level it leaves
  ["0,86% (còn 4,17%)", "%", [0.86]],
];

/** The report's own comparison with the plan, beside or instead of the value. */
type Stated = [text: string, unit: string, verdict: "exceeded" | "met" | "shortfall", share: number | null, value: number | null];
const STATED: Stated[] = [
  ["ước đạt 134.492 tỷ đồng, tăng 4,6% so với năm 2022, vượt 21,6% kế hoạch", "tỷ đồng", "exceeded", 1.216, 134492],
  ["32.144 tỷ đồng, đạt 135% dự toán HĐND tỉnh giao", "tỷ đồng", "exceeded", 1.35, 32144],
  ["bằng 115,9% dự toán", "tỷ đồng", "exceeded", 1.159, null],
  ["tăng 37,8% so với dự toán", "tỷ đồng", "exceeded", 1.378, null],
  ["ước đạt trên 39 vạn tấn, đạt 99,8% kế hoạch", "tấn", "shortfall", 0.998, 390000],
  ["đạt 100% kế hoạch", "%", "met", 1, null],
  ["vượt mức chỉ tiêu Trung ương giao 22,2%", "tỷ đồng", "exceeded", null, null],
  ["ước tăng 7,36% so với năm 2016 (vượt mục tiêu Nghị quyết 0,36%)", "%", "exceeded", null, 7.36],
  ["tăng 3,03%, vượt kế hoạch đề ra", "%", "exceeded", null, 3.03],
  ["2.405 USD, tăng 10% so cùng kỳ, vượt 50 USD so với kế hoạch", "USD", "exceeded", null, 2405],
  ["8,1% (đạt kế hoạch 8-8,3%)", "%", "met", null, 8.1],
  ["(đạt kế hoạch 8-8,3%)", "%", "met", null, null],
  ["hoàn thành kế hoạch", "", "met", null, null],
  ["không đạt kế hoạch", "%", "shortfall", null, null],
  ["chưa đạt chỉ tiêu Nghị quyết", "%", "shortfall", null, null],
  ["thấp hơn 0,5 điểm % so với kế hoạch", "%", "shortfall", null, null],
];

describe("the report's own comparison with the plan (a verdict fused with the value)", () => {
  test.each(STATED)("“%s” (%s)", (text, unit, verdict, share, value) => {
    const r = readReportActual(text, unit);
    expect(r.stated?.verdict).toBe(verdict);
    expect(r.stated?.share === null || r.stated?.share === undefined ? null : Number(r.stated.share.toFixed(6))).toBe(share);
    const first = r.readings[0]!;
    expect(first.kind === "number" ? first.value : null).toBe(value);
    expect(r.note?.vi).toMatch(/báo cáo ghi/);
  });

  test("the words decide only where the value cannot be compared; a value against a target is judged as usual", () => {
    // No target in the report (the article gives the plan only through its comparison): the words.
    expect(judgeReportActual(parseTarget(""), "higher", readReportActual("285.920 tấn, vượt 4,16% kế hoạch", "tấn")).status).toBe("exceeded");
    expect(judgeReportActual(parseTarget("Dự toán HĐND tỉnh giao"), "higher", readReportActual("đạt 99,8% kế hoạch", "tỷ đồng")).status).toBe("near");
    expect(judgeReportActual(parseTarget(""), "higher", readReportActual("đạt 80% kế hoạch", "tỷ đồng")).status).toBe("shortfall");
    // A target and a value: the value against the target, the words kept in the note.
    const both = readReportActual("8,1% (đạt kế hoạch 8-8,3%)", "%");
    expect(judgeReportActual(parseTarget("8-8,3"), "higher", both).status).toBe("met");
    expect(judgeReportActual(parseTarget("8,5"), "higher", both).status).toBe("near");
  });

  test("words that only look like a plan are not one (“khoảng” is not “KH”)", () => {
    expect(readReportActual("đạt khoảng 2%", "%").stated ?? null).toBeNull();
    expect(readReportActual("khoảng 3%", "%").stated ?? null).toBeNull();
  });
});

describe("reading an actual as a report writes it", () => {
  // Every row with its four fields (jest would take a missing fourth for a done callback).
  test.each(READINGS.map(([t, u, w, q]) => [t, u, w, q ?? null] as const))("“%s” against “%s”", (text, unit, want, qualifier) => {
    const r = readReportActual(text, unit);
    if (want === "refused") {
      expect(r.readings.map((x) => x.kind)).toEqual(["invalid"]);
      expect(r.note?.vi).toMatch(/không khớp với/);
      return;
    }
    if (want === "qualitative") {
      expect(r.readings.map((x) => x.kind)).toEqual(["qualitative"]);
      return;
    }
    expect(r.readings.map((x) => (x.kind === "number" ? Number(x.value.toPrecision(12)) : x.kind))).toEqual(want);
    expect(r.qualifier).toBe(qualifier ?? null);
    // Every reading beyond a bare number says how it was read.
    if (qualifier || want.length > 1 || /\(/.test(text)) expect(r.note).not.toBeNull();
  });

  test("a plain cell reads as the strict reader reads it, with nothing to say", () => {
    expect(readReportActual(95.1, "%")).toEqual({ readings: [{ kind: "number", value: 95.1, percent: false, ambiguous: null }], qualifier: null, note: null });
    expect(readReportActual("", "%").readings[0]!.kind).toBe("no_data");
  });

  test("“Xuất siêu” for a trade-deficit indicator is beyond any deficit cap (the national 2019 report: Vượt)", () => {
    const r = readReportActual("Xuất siêu", "%", "vi", "Tỷ lệ nhập siêu so với tổng kim ngạch xuất khẩu");
    expect(judgeReportActual(parseTarget("Dưới 3"), "lower", r).status).toBe("exceeded");
    expect(judgeReportActual(parseTarget("Khoảng 3,5"), "lower", r).status).toBe("exceeded");
    expect(readReportActual("Xuất siêu", "%", "vi", "Tổng kim ngạch xuất khẩu").readings[0]!.kind).toBe("invalid");
  });

  test("a scaled value reads back to the same number, in its own scale or another (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_999_999 }), fc.integer({ min: 0, max: 2 }), (n, d) => {
        const x = n / 10 ** d;
        const shown = formatNumber(x, d, "vi");
        const same = readReportActual(`${shown} triệu USD`, "triệu USD").readings[0]!;
        const other = readReportActual(`${shown} triệu USD`, "tỷ USD").readings[0]!;
        return same.kind === "number" && Math.abs(same.value - x) < 1e-9 * Math.max(1, x) && other.kind === "number" && Math.abs(other.value - x / 1000) < 1e-12 * Math.max(1, x);
      }),
    );
  });
});

type Judged = [text: string, target: string, direction: Direction, status: string];
const JUDGED: Judged[] = [
  ["trên 5", "5", "higher", "met"],
  ["trên 5", "≥ 5", "higher", "met"],
  ["khoảng 3", "≥ 3", "higher", "met"],
  ["gần 12.000", "12.000", "higher", "near"],
  ["dưới 3", "< 3", "lower", "met"],
  ["trên 3", "3", "lower", "near"],
  ["61-62", "60-62", "higher", "met"],
  ["59-61", "60-62", "higher", "near"],
  ["ước đạt 7,1%", "6,5 - 7", "higher", "exceeded"],
  ["đạt khoảng 2%", "6,8", "higher", "shortfall"],
  ["12 xã", "95", "higher", "invalid"],
  // A reduction with the level it leaves: both judged, the worse counts.
  ["0,9% (còn 3,8%)", "0,7% (còn 4,0%)", "higher", "exceeded"],
  ["0,9% (còn 4,1%)", "0,7% (còn 4,0%)", "higher", "near"],
  ["0,9% (còn 4,6%)", "0,7% (còn 4,0%)", "higher", "shortfall"],
  ["0,5% (còn 3,9%)", "0,7% (còn 4,0%)", "higher", "shortfall"],
  ["0,7% (còn 4,0%)", "0,7% (còn 4,0%)", "higher", "met"],
];

describe("judging a report's actual", () => {
  test.each(JUDGED)("“%s” against “%s” (%s is better): %s", (text, target, direction, status) => {
    expect(judgeReportActual(parseTarget(target), direction, readReportActual(text, text.includes("xã") ? "%" : "%")).status).toBe(status);
  });
});

describe("an input cell holding words a report would write", () => {
  test("words of estimate and the row's unit are read (entry.ts, mirrored by the formulas)", () => {
    const target = parseTarget("≥ 7");
    expect(judgeCell(target, "higher", "ước đạt 7,1%", { unit: "%" }).status).toBe("exceeded");
    expect(judgeCell(parseTarget("6.000"), "higher", "6.120 tỷ đồng", { unit: "tỷ đồng" }).status).toBe("exceeded");
  });

  test("what the cells cannot read stays flagged, and the message says what the report reader makes of it", () => {
    const target = parseTarget("≥ 0,9");
    const j = judgeCell(target, "higher", "950 triệu USD", { unit: "tỷ USD" });
    expect(j.status).toBe("invalid");
    const e = explain(j, target, "tỷ USD", "950 triệu USD");
    expect(e.vi).toBe("“950 triệu USD” không phải là số trong ô nhập liệu; đọc như báo cáo là 0,95: gõ 0,95 vào ô, chữ ghi vào Ghi chú");
    expect(e.en).toContain("read as reports write it, 0.95");
    const pct = parseTarget("≥ 3");
    expect(explain(judgeCell(pct, "higher", "khoảng 3%", { unit: "%" }), pct, "%", "khoảng 3%").vi).toContain("là 3 (có chữ ước lượng)");
    // Words that read as nothing keep the plain message.
    expect(explain(judgeCell(pct, "higher", "abc"), pct, "%", "abc").vi).toBe("“abc” không phải là số: cần một số như 95,1 hoặc 1.462,8");
    // A unit that does not match is not offered as a number.
    expect(explain(judgeCell(pct, "higher", "12 xã", { unit: "%" }), pct, "%", "12 xã").vi).toContain("không phải là số:");
  });
});
