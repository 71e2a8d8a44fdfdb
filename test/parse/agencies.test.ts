import { splitAgencies } from "../../src/parse/agencies";
import { agencyDirectory } from "../../src/parse/directory";
import { seedCatalog, seedIndicators } from "../helpers/seedCatalog";

/** The directory of agencies (issue 14, item 3): every agency string of the seeds, and the variants the issue lists. */
const names = (text: string, role?: "lead" | "coordinating" | "monitoring") => splitAgencies(text, role).map((m) => (m.kind === "group" ? `[${m.name}]` : m.name));

describe("agency names read to one canonical name each", () => {
  test.each([
    ["Sở Lao động- Thương binh và Xã hội", ["Sở Lao động - Thương binh và Xã hội"]],
    ["Sở Lao động-Thương binh và Xã hội", ["Sở Lao động - Thương binh và Xã hội"]],
    ["Sở LĐTB&XH", ["Sở Lao động - Thương binh và Xã hội"]],
    ["Sở NN&PTNT", ["Sở Nông nghiệp và Phát triển nông thôn"]],
    ["Trung tâm XTĐTMDL", ["Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch"]],
    ["Sở Văn hoá, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]],
    ["Ban dân tộc tỉnh", ["Ban Dân tộc tỉnh"]],
    ["Kế hoạch và Đầu tư,", ["Sở Kế hoạch và Đầu tư"]],
    ["BCH Quân dự tỉnh, BCH Bộ đội Biên phòng", ["Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh"]],
    ["Cục Thuế tỉnh Chi cục Hải quan", ["Cục Thuế tỉnh", "Chi cục Hải quan"]],
    ["Cục Thống kê, Sở Nông nghiệp và Phát triển nông thôn, Sở Lao động-Thương binh và Xã hội", ["Cục Thống kê tỉnh", "Sở Nông nghiệp và Phát triển nông thôn", "Sở Lao động - Thương binh và Xã hội"]],
    ["Sở Kế hoạch và Đầu tư Sở Thông tin và Truyền thông", ["Sở Kế hoạch và Đầu tư", "Sở Thông tin và Truyền thông"]],
    ["Các sở, ban, ngành; UBND các huyện, thành phố", ["[Các sở, ban, ngành tỉnh]", "[UBND các huyện, thị xã, thành phố]"]],
    ["Các sở, ngành tỉnh, UBND các huyện, thị xã, thành phố", ["[Các sở, ban, ngành tỉnh]", "[UBND các huyện, thị xã, thành phố]"]],
    ["Các sở: Văn hóa, Thể thao và Du lịch, Giáo dục và Đào tạo, Y tế", ["Sở Văn hóa, Thể thao và Du lịch", "Sở Giáo dục và Đào tạo", "Sở Y tế"]],
    ["Sở Văn hoá, Thể thao", ["Sở Văn hóa, Thể thao và Du lịch"]],
    ["sở tài chính.", ["Sở Tài chính"]],
  ])("“%s”", (text, want) => {
    expect(names(text)).toEqual(want);
  });

  test("roles written in the text: “X chủ trì, phối hợp với Y” (and the typo “củ tri”)", () => {
    const m = splitAgencies("Sở Nội vụ chủ trì, phối hợp với Sở Tài chính, UBND các huyện, thị xã, thành phố", "lead");
    expect(m.map((x) => [x.name, x.role])).toEqual([
      ["Sở Nội vụ", "lead"],
      ["Sở Tài chính", "coordinating"],
      ["UBND các huyện, thị xã, thành phố", "coordinating"],
    ]);
    expect(splitAgencies("Sở Văn hóa, Thể thao và Du lịch củ tri, phối hợp với Công an tỉnh").map((x) => [x.name, x.role])).toEqual([
      ["Sở Văn hóa, Thể thao và Du lịch", "lead"],
      ["Công an tỉnh", "coordinating"],
    ]);
    expect(splitAgencies("Sở Tư pháp", "monitoring")[0]!.role).toBe("monitoring");
  });

  test("a name not in the list is kept as printed, marked, and is one agency (not split at its own words)", () => {
    const m = splitAgencies("Sở Lao động-Thương binh và Xã hội, Trường cao đẳng Nghề");
    expect(m.map((x) => [x.name, x.unknown])).toEqual([
      ["Sở Lao động - Thương binh và Xã hội", false],
      ["Trường cao đẳng Nghề", true],
    ]);
  });

  test("every agency string of the seeds (indicators and tasks) reads to known names, except one school", () => {
    const cells = [
      ...seedIndicators().map((i) => i.agency),
      ...seedCatalog().catalog.plans.flatMap((p) => (p.tasks ?? []).flatMap((a) => a.tasks.flatMap((t) => [t.lead, t.second?.text ?? ""]))),
    ].filter((c) => c.trim() !== "");
    expect(cells.length).toBeGreaterThan(300);
    const unknown = new Set(cells.flatMap((c) => splitAgencies(c).filter((m) => m.unknown).map((m) => m.printed)));
    expect([...unknown]).toEqual(["Trường cao đẳng Nghề"]);
    // Nothing is lost: every cell with letters names at least one agency or group.
    expect(cells.filter((c) => splitAgencies(c).length === 0)).toEqual([]);
  });
});

describe("the directory of the seeds", () => {
  const directory = agencyDirectory(seedCatalog().catalog);
  const entry = (name: string) => directory.find((e) => e.name === name)!;

  test("the two spellings of Sở Lao động - Thương binh và Xã hội are one agency, counted once per indicator", () => {
    const e = entry("Sở Lao động - Thương binh và Xã hội");
    expect(e.aliases).toEqual(["Sở Lao động- Thương binh và Xã hội", "Sở Lao động-Thương binh và Xã hội"]);
    const byText = seedIndicators().filter((i) => /Lao động\s*-\s*Thương binh|LĐTB/.test(i.agency)).length;
    expect(e.indicators).toBe(byText);
    expect(directory.filter((x) => /Lao động/.test(x.name))).toHaveLength(1);
  });

  test("joint cells count for each agency they name; groups are groups; each name appears once", () => {
    expect(entry("Cục Thuế tỉnh").indicators).toBeGreaterThan(0);
    expect(entry("Chi cục Hải quan").indicators).toBeGreaterThan(0);
    expect(directory.some((e) => e.name.includes("Cục Thuế tỉnh Chi cục"))).toBe(false);
    expect(directory.filter((e) => e.kind === "group").map((e) => e.name)).toEqual(["Các địa phương có liên quan", "Các sở, ban, ngành tỉnh", "UBND các huyện, thị xã, thành phố"]);
    expect(new Set(directory.map((e) => e.name)).size).toBe(directory.length);
    expect(entry("Sở Kế hoạch và Đầu tư").tasks).toBe(15);
    expect(entry("Sở Văn hóa, Thể thao và Du lịch").aliases).toEqual(expect.arrayContaining(["Sở Văn hoá, Thể thao", "Văn hóa, Thể thao và Du lịch"]));
  });
});
