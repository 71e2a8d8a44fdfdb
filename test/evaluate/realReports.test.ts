import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { evaluateReport } from "../../src/evaluate/report";
import type { Status } from "../../src/model";

/**
 * Real published year-end reports (test/fixtures/reports/, each citing its source in its header) judged by the
 * tool and compared with the government's own verdict printed beside each row. Reports say Vượt, Đạt or Không
 * đạt; the tool's "Gần đạt" is a "Không đạt" to them. The rows where met-or-not or the exact word differs are
 * listed, so a change that fixes or breaks one shows here (issue 13 aims at 95 % and 85 %).
 */
const DIR = join(__dirname, "../fixtures/reports");
/** "Đạt và vượt": a report that gives one verdict for a group of rows (met or exceeded): counted for met-or-not only. */
type Official = Status | "met_or_exceeded";
const OFFICIAL: Record<string, Official> = { vượt: "exceeded", đạt: "met", "không đạt": "shortfall", "đạt và vượt": "met_or_exceeded" };
const asReports = (s: Status): Status => (s === "near" ? "shortfall" : s);
const isMet = (s: Official) => s === "met" || s === "exceeded" || s === "met_or_exceeded";

function compare(file: string) {
  const text = readFileSync(join(DIR, file), "utf8");
  const lines = text.split(/\r?\n/);
  // The verdict column: "Đánh giá", or "Ghi chú" where a report prints its verdicts there.
  const header = lines.findIndex((l) => /\t(Đánh giá|Ghi chú)\s*$/.test(l));
  const verdictCol = lines[header]!.split("\t").findIndex((h) => /^(Đánh giá|Ghi chú)$/.test(h.trim()));
  const result = evaluateReport(text);
  if (!result.ok) throw new Error(`${file}: ${result.error.en}`);
  return result.rows.flatMap((r) => {
    const official = (lines[r.indicator.line - 1] ?? "").split("\t")[verdictCol]?.trim().toLowerCase() ?? "";
    if (!OFFICIAL[official]) return []; // sub-rows without a verdict of their own
    return [{ file, name: r.indicator.name, actual: r.actualText, official: OFFICIAL[official]!, ours: r.judgement.status }];
  });
}

const rows = readdirSync(DIR)
  .filter((f) => f.endsWith(".tsv"))
  .sort()
  .flatMap(compare);

describe("real year-end reports against their official verdicts", () => {
  test("the fixtures hold rows with verdicts of every kind", () => {
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(new Set(rows.map((r) => r.official))).toEqual(new Set<Official>(["exceeded", "met", "shortfall", "met_or_exceeded"]));
    // Sources: the national plan and six provinces (Thừa Thiên Huế twice), each file citing its own.
    expect(new Set(rows.map((r) => r.file)).size).toBeGreaterThanOrEqual(8);
  });

  test("met-or-not: the rows where the tool and the report disagree, listed (the issue's goal is 95 % agreement)", () => {
    const misses = rows.filter((r) => isMet(r.official) !== isMet(r.ours)).map((r) => `${r.file}: ${r.name}: “${r.actual}” — ours ${r.ours}, report ${r.official}`);
    // Thừa Thiên Huế counts an actual equal to a strict bound ("< 7,6" with 7,6) as met; the tool reads "<" as strict.
    expect(misses).toEqual([
      "hue-2019.tsv: Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng theo cân nặng (%): “7,6” — ours near, report met",
      "hue-2019.tsv: Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng theo chiều cao (%): “10,4” — ours near, report met",
    ]);
    expect(1 - misses.length / rows.length).toBeGreaterThanOrEqual(0.95);
  });

  test("the exact verdict: the rows that differ, listed (an open threshold is met, never exceeded, by our rule)", () => {
    const exact = rows.filter((r) => r.official !== "met_or_exceeded");
    const differ = exact.filter((r) => isMet(r.official) === isMet(r.ours) && asReports(r.ours) !== r.official).map((r) => `${r.name}: “${r.actual}” — ours ${r.ours}, report ${r.official}`);
    // Thừa Thiên Huế 2019 says "Đạt" for an exact target passed by 0,4 % to 5 % where the national report says
    // "Vượt" for 1,4 % (88,1 → 89,3): no one rule gives both, and the tool keeps the national reading.
    expect(differ).toEqual([
      "Tổng sản phẩm trong tỉnh bình quân đầu người (USD): “2.007” — ours exceeded, report met",
      "Tỷ lệ hộ nghèo giảm (%): “0,86% (còn 4,17%)” — ours exceeded, report met",
      "Tỷ lệ người dân tham gia bảo hiểm y tế (%): “98,5%” — ours exceeded, report met",
      "Mức giảm tỷ lệ hộ nghèo theo chuẩn nghèo tiếp cận đa chiều: “1,1” — ours met, report exceeded",
    ]);
    const wrong = exact.filter((r) => asReports(r.ours) !== r.official).length;
    expect(1 - wrong / exact.length).toBeGreaterThanOrEqual(0.85);
  });
});
