import { seedCatalog } from "../helpers/seedCatalog";
import { readTaskTables } from "../../src/parse/tasks";
import { Task as TaskSchema, type Task } from "../../src/model/task";

/**
 * The two seed task appendices (issue 14), read from the documents' own lines: Trà Vinh 77/QĐ-UBND Phụ lục I
 * (78 tasks in 12 sections, continuation rows after page breaks) and the Kiên Giang 2021–2025 plan's
 * "Một số nhiệm vụ trọng tâm" (81 tasks, no numbers, the header repeated after each page break).
 */
const plans = seedCatalog().catalog.plans;
const tv = plans.find((p) => p.id === "TV-QD77-2025")!.tasks![0]!;
const kg = plans.find((p) => p.id === "KG-KH5N-2021-2025")!.tasks![0]!;
const byCode = (code: string) => tv.tasks.find((t) => t.code === code)!;
const kgStarting = (words: string) => kg.tasks.find((t) => t.name.startsWith(words))!;
const lead = (t: Task) => t.agencies.filter((a) => a.role === "lead").map((a) => a.name);
const role = (t: Task, r: string) => t.agencies.filter((a) => a.role === r).map((a) => a.name);

describe("Trà Vinh 77/QĐ-UBND, Phụ lục I", () => {
  test("78 tasks numbered 1–78 in 12 sections I.–X., XI, XII, every one valid by the schema, ids unique", () => {
    expect(tv.id).toBe("I");
    expect(tv.title).toBe("PHÂN CÔNG THỰC HIỆN CÁC NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU");
    expect(tv.tasks).toHaveLength(78);
    expect(tv.tasks.map((t) => t.code)).toEqual(Array.from({ length: 78 }, (_, k) => String(k + 1)));
    expect(tv.sections.map((s) => s.code)).toEqual(["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]);
    for (const t of tv.tasks) TaskSchema.parse(t);
    expect(new Set(tv.tasks.map((t) => t.id)).size).toBe(78);
    expect(tv.headers).toEqual(["STT", "Nội dung công việc", "Cơ quan thực hiện", "Cơ quan chịu trách nhiệm theo dõi/đôn đốc/tổng hợp báo cáo"]);
    // The second column is the one that follows up and reports.
    expect(tv.tasks.every((t) => t.second?.role === "monitoring")).toBe(true);
  });

  test("a row split by a page break is one task: its text and agencies joined, the roles in the text read", () => {
    const t = byCode("9");
    expect(t.name).toContain("nhất là trong các dịp cao điểm Lễ, Tết, không để xảy ra tình trạng thiếu hàng");
    expect(t.lead).toBe("Sở Công Thương chủ trì, phối hợp với các sở ngành có liên quan, UBND các huyện, thị xã, thành phố");
    expect(lead(t)).toEqual(["Sở Công Thương"]);
    expect(t.groups).toEqual(["Các sở, ban, ngành tỉnh", "UBND các huyện, thị xã, thành phố"]);
    expect(role(t, "monitoring")).toEqual(["Sở Công Thương"]);
    expect(t.section).toBe("II. Ưu tiên thúc đẩy mạnh mẽ tăng trưởng kinh tế gắn với giữ vững ổn định kinh tế vĩ mô, kiểm soát lạm phát, bảo đảm các cân đối lớn của nền kinh tế");
  });

  test("an agency name split across the break is whole again (“Liên minh Hợp tác” | “xã”, “Sở Tài nguyên và Môi” | “trường”)", () => {
    expect(lead(byCode("45"))).toEqual(["Sở Kế hoạch và Đầu tư", "Liên minh Hợp tác xã tỉnh"]);
    expect(byCode("67").lead).toBe("Sở Tài nguyên và Môi trường, UBND các huyện, thị xã, thành phố");
    expect(byCode("67").second).toEqual({ role: "monitoring", text: "Sở Tài nguyên và Môi trường" });
    expect(lead(byCode("48"))).toEqual(["Sở Kế hoạch và Đầu tư", "Sở Khoa học và Công nghệ"]);
  });

  test("“25:” is task 25; <p> paragraphs are text; typos and a missing “Sở” are read through", () => {
    expect(byCode("25").name).toMatch(/^Phối hợp với Trung ương đẩy nhanh tiến độ/);
    expect(byCode("53").name).not.toContain("<p>");
    expect(byCode("53").second!.text).toBe("Sở Văn hóa, Thể thao và Du lịch");
    expect(lead(byCode("54"))).toEqual(["Sở Văn hóa, Thể thao và Du lịch"]); // "củ tri, phối hợp với …"
    expect(role(byCode("54"), "coordinating")).toEqual([]);
    expect(byCode("54").groups).toEqual(["Các sở, ban, ngành tỉnh", "UBND các huyện, thị xã, thành phố"]);
    expect(lead(byCode("73"))).toEqual(["Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh"]); // "BCH Quân dự tỉnh"
    expect(role(byCode("13"), "monitoring")).toEqual(["Sở Kế hoạch và Đầu tư"]); // "Kế hoạch và Đầu tư,"
    expect(lead(byCode("28"))).toEqual(["Sở Văn hóa, Thể thao và Du lịch", "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Nông nghiệp và Phát triển nông thôn"]); // "Các sở: Văn hóa, …"
  });

  test("a section title continued after a break is whole; tasks with only groups have no agency", () => {
    expect(tv.sections.find((s) => s.code === "IX")!.title).toMatch(/hoá và kinh tế đô thị$/);
    expect(lead(byCode("78"))).toEqual([]);
    expect(byCode("78").groups).toEqual(["Các sở, ban, ngành tỉnh", "UBND các huyện, thị xã, thành phố"]);
  });

  test("deadlines from the text: “Thường xuyên” is continuous, “trong năm 2025” is 31/12/2025, the rest have none", () => {
    expect(byCode("1").deadline.kind).toBe("continuous");
    expect(byCode("58").deadline).toMatchObject({ kind: "date", due: "2025-12-31", text: "trong năm 2025" });
    expect(tv.tasks.filter((t) => t.deadline.kind === "none")).toHaveLength(75);
  });
});

describe("Kiên Giang 2021–2025, Phụ lục “Một số nhiệm vụ trọng tâm”", () => {
  test("81 tasks, unnumbered, every one valid, ids unique; lead and coordinating agencies, deadline and Cấp trình", () => {
    expect(kg.id).toBe("NV");
    expect(kg.title).toBe("MỘT SỐ NHIỆM VỤ TRỌNG TÂM THEO CÁC NGÀNH, LĨNH VỰC");
    expect(kg.tasks).toHaveLength(81);
    expect(kg.sections).toEqual([]);
    for (const t of kg.tasks) TaskSchema.parse(t);
    expect(new Set(kg.tasks.map((t) => t.id)).size).toBe(81);
    const first = kg.tasks[0]!;
    expect(first).toMatchObject({
      code: "",
      name: "Hoàn chỉnh hồ sơ trình thẩm định quy hoạch tỉnh Kiên Giang thời kỳ 2021-2030, tầm nhìn đến năm 2050",
      lead: "Sở Kế hoạch và Đầu tư",
      second: { role: "coordinating", text: "Các sở, ban, ngành; UBND các huyện, thành phố" },
      submitTo: "Chính phủ",
      line: 107,
    });
    expect(first.deadline).toMatchObject({ text: "2022", kind: "date", due: "2022-12-31" });
  });

  test("a fragment after a repeated header continues its task (“đến năm 2025”, “Kiên Giang”), cell by cell", () => {
    const t = kgStarting("Báo cáo sơ kết Chương trình phát triển đô thị");
    expect(t.name).toBe("Báo cáo sơ kết Chương trình phát triển đô thị tỉnh Kiên Giang giai đoạn đến năm 2025");
    expect(t.second!.text).toBe("Các sở, ban, ngành; UBND các huyện, thành phố");
    expect(kgStarting("Kế hoạch bảo quản, tu bổ").name).toMatch(/trên địa bàn tỉnh Kiên Giang$/);
    expect(kg.tasks.some((x) => x.name === "Kiên Giang" || x.name === "đến năm 2025")).toBe(false);
  });

  test("the one genuine row with no lead agency stays a task of its own", () => {
    const none = kg.tasks.filter((t) => t.lead === "");
    expect(none.map((t) => t.name)).toEqual(["Triển khai Chương trình, Đề án phổ biến giáo dục pháp luật của Chính phủ giai đoạn 2021 – 2025 tại địa phương"]);
    expect(none[0]!.agencies).toEqual([]);
  });

  test("deadlines: “Quý IV/2021”, “Quý II” of the plan's first year, “Năm 2021”, “2022”, “Hàng năm”, blank", () => {
    expect(kgStarting("Báo cáo tổng kết và xây dựng Đề án phát triển nguồn nhân lực").deadline.due).toBe("2021-12-31");
    const q2 = kgStarting("Báo cáo sơ kết Nghị quyết số 03-NQ/TU").deadline;
    expect([q2.text, q2.due]).toEqual(["Quý II", "2021-06-30"]);
    expect(q2.reason.vi).toContain("năm đầu của kế hoạch (2021)");
    expect(kgStarting("Kế hoạch đầu tư Công Trung hạn").deadline).toMatchObject({ text: "Năm 2021", due: "2021-12-31" });
    expect(kgStarting("Tiếp tục triển khai thực hiện Chương trình Mỗi xã một sản phẩm").deadline).toMatchObject({ kind: "yearly", recurring: "yearly" });
    expect(kgStarting("Danh mục dự án ưu tiên").deadline.kind).toBe("none");
    const kinds = kg.tasks.reduce<Record<string, number>>((n, t) => ({ ...n, [t.deadline.kind]: (n[t.deadline.kind] ?? 0) + 1 }), {});
    expect(kinds).toEqual({ date: 29, yearly: 2, none: 50 });
  });

  test("abbreviations and cut names are the directory's: Sở NN&PTNT, Sở LĐTB&XH, Trung tâm XTĐTMDL, “Sở Văn hoá, Thể thao”", () => {
    expect(lead(kgStarting("Đề án tái cơ cấu ngành nông nghiệp"))).toEqual(["Sở Nông nghiệp và Phát triển nông thôn"]);
    expect(lead(kg.tasks.find((t) => t.lead === "Sở LĐTB&XH")!)).toEqual(["Sở Lao động - Thương binh và Xã hội"]);
    expect(lead(kgStarting("Chương trình xúc tiến đầu tư"))).toEqual(["Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch"]);
    expect(lead(kgStarting("Đề án nâng cao chất lượng hoạt động văn hóa"))).toEqual(["Sở Văn hóa, Thể thao và Du lịch"]);
    expect(lead(kgStarting("Xây dựng Đề án về quốc phòng"))).toEqual(["Bộ Chỉ huy Quân sự tỉnh"]); // "Bộ chỉ huy quân sự tỉnh"
  });
});

describe("a pasted task table, headers found by meaning", () => {
  test("Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành | Sản phẩm", () => {
    const text = [
      "TT\tNhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian hoàn thành\tSản phẩm",
      "1\tXây dựng kế hoạch chuyển đổi số năm 2026\tSở TT&TT\tCác sở, ngành\tQuý I/2026\tKế hoạch của UBND tỉnh",
      "2\tTổng kết Chương trình OCOP\tSở NN&PTNT\tUBND các huyện, thành phố\tTháng 11/2026\tBáo cáo",
    ].join("\n");
    const [a] = readTaskTables(text, { plan: "DAN", planYear: 2026 });
    expect(a!.tasks.map((t) => [t.code, lead(t), t.second?.role, t.deadline.due, t.product])).toEqual([
      ["1", ["Sở Thông tin và Truyền thông"], "coordinating", "2026-03-31", "Kế hoạch của UBND tỉnh"],
      ["2", ["Sở Nông nghiệp và Phát triển nông thôn"], "coordinating", "2026-11-30", "Báo cáo"],
    ]);
  });
});

describe("a pasted task table alone", () => {
  test("is a plan of tasks, not an error", async () => {
    const { parsePastedTable } = await import("../../src/parse/document");
    const r = parsePastedTable("TT\tNhiệm vụ\tĐơn vị chủ trì\tThời gian hoàn thành\n1\tBáo cáo sơ kết 6 tháng\tSở KH&ĐT\tTháng 7/2026", { name: "NV 2026" });
    if (!r.ok) throw new Error(r.error.en);
    expect(r.plan.appendices).toEqual([]);
    expect(r.plan.tasks![0]!.tasks.map((t) => [t.name, t.agencies, t.deadline.due])).toEqual([["Báo cáo sơ kết 6 tháng", [{ name: "Sở Kế hoạch và Đầu tư", role: "lead" }], "2026-07-31"]]);
  });
});
