import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { runCli } from "../helpers/cli";
import { main } from "../../src/cli/catalog";
import type { Indicator } from "../../src/model";

const FIXTURE = join(__dirname, "../fixtures/reordered-2026.tsv");

function run(argv: string[]) {
  return runCli(main, argv);
}

function tempFile(name: string, content: string | Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), "im-"));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe("catalog --from FILE: a pasted table with other columns in another order", () => {
  let code = -1;
  let rows: Indicator[] = [];
  beforeAll(async () => {
    const r = await run(["--json", "--from", FIXTURE]);
    code = r.code;
    rows = JSON.parse(r.out);
  });

  test("exits 0 and reads every indicator row, the repeated header skipped", () => {
    expect(code).toBe(0);
    expect(rows.map((r) => [r.code, r.level])).toEqual([
      ["1", 0],
      ["2", 0],
      ["3", 0],
      ["4", 0],
      ["5", 0],
      ["", 1],
      ["6", 0],
      ["7", 0],
    ]);
  });

  test("columns are found by their headers: name, unit, agency, target", () => {
    expect(rows[0]).toMatchObject({ name: "Tỷ lệ bao phủ bảo hiểm y tế", unit: "%", agency: "Sở Y tế", appendix: "2" });
    expect(rows[0]!.target).toMatchObject({ text: "≥ 95,1", kind: "at_least", min: 95.1, minInclusive: true });
  });

  test("each target kind is read and each direction inferred", () => {
    expect(rows.map((r) => [r.target.kind, r.direction])).toEqual([
      ["at_least", "higher"],
      ["reduction", "lower"],
      ["maintain", "higher"],
      ["rank", "lower"],
      ["range", "higher"],
      ["at_most", "lower"],
      ["qualitative", "higher"],
      ["exact", "higher"],
    ]);
    expect(rows[4]!.target).toMatchObject({ min: 30000, max: 32000 });
    expect(rows[7]!.target.min).toBe(8150.5);
  });

  test("the “Ước TH” column is not mistaken for the target, and the sub-row stands under row 5", () => {
    expect(rows[1]!.target.text).toBe("giảm 0,5%");
    expect(rows[5]!.parentId).toBe(rows[4]!.id);
    expect(rows[5]!.agency).toBe("Cục Thống kê");
  });

  test("the output carries the fields the later sheets need", () => {
    for (const r of rows) {
      for (const key of ["id", "plan", "appendix", "code", "name", "unit", "agency", "target", "direction", "yearly", "history"]) expect(r).toHaveProperty(key);
      for (const key of ["text", "kind", "min", "max", "minInclusive", "maxInclusive"]) expect(r.target).toHaveProperty(key);
    }
  });
});

describe("catalog: bad input gets a clear message and a non-zero exit", () => {
  test("an empty file", async () => {
    const r = await run(["--from", tempFile("empty.tsv", "")]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("Tệp trống");
    expect(r.err).toContain("The file is empty");
    expect(r.out).toBe("");
  });

  test("a binary file", async () => {
    const r = await run(["--from", tempFile("x.xlsx", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08]))]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("not text");
  });

  test("a table without a recognisable header", async () => {
    const r = await run(["--from", tempFile("noheader.tsv", "a\tb\tc\n1\t2\t3\n")]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("Không tìm thấy dòng tiêu đề");
  });

  test("a file that does not exist", async () => {
    const r = await run(["--from", "/nonexistent/table.tsv"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("/nonexistent/table.tsv");
  });

  test("an unknown option exits 2 with the usage", async () => {
    const r = await run(["--frm", "x"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--frm");
    expect(r.err).toContain("npm run -s catalog");
  });
});

describe("catalog of the seeds", () => {
  test("the readable summary lists each plan, appendix and the total", async () => {
    const r = await run([]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("■ TV-QD77-2025");
    expect(r.out).toContain("Phụ lục IV (table)");
    expect(r.out).toContain("Tổng: 5 văn bản, 167 chỉ tiêu, 0 chỉ tiêu chưa đọc được.");
  });

  test("`npm run -s catalog -- --json` prints only JSON, as the README says", () => {
    const p = spawnSync("npm", ["run", "-s", "catalog", "--", "--json"], { cwd: join(__dirname, "../.."), encoding: "utf8" });
    expect(p.status).toBe(0);
    const rows: Indicator[] = JSON.parse(p.stdout);
    expect(rows).toHaveLength(167);
    expect(new Set(rows.map((r) => r.plan))).toEqual(new Set(["KG-CT06-2025", "KG-NQ29-2030", "KG-KH5N-2021-2025", "TV-QD77-2025"]));
  });
});

describe("catalog --tasks and --agencies", () => {
  test("--tasks --json prints every task with its fields: lead and the second agency as printed, agencies canonical, the deadline read", async () => {
    const r = await runCli(main, ["--tasks", "--json"]);
    expect(r.code).toBe(0);
    const tasks = JSON.parse(r.out);
    expect(tasks).toHaveLength(78 + 81);
    const t9 = tasks.find((t: { plan: string; code: string }) => t.plan === "TV-QD77-2025" && t.code === "9");
    expect(Object.keys(t9)).toEqual(["id", "plan", "appendix", "code", "section", "name", "lead", "monitoring", "agencies", "groups", "deadline", "submitTo", "product", "line"]);
    expect(t9.monitoring).toBe("Sở Công Thương");
    expect(t9.agencies).toEqual([
      { name: "Sở Công Thương", role: "lead" },
      { name: "Sở Công Thương", role: "monitoring" },
    ]);
    const kg = tasks.find((t: { plan: string }) => t.plan === "KG-KH5N-2021-2025");
    expect(kg.coordinating).toBe("Các sở, ban, ngành; UBND các huyện, thành phố");
    expect(kg.deadline).toEqual({ text: "2022", due: "2022-12-31", recurring: null, kind: "date", reason: { vi: "năm 2022: hạn 31/12/2022", en: "the year 2022: due 31/12/2022" } });
  });

  test("--agencies --json prints the directory; indicators in --json carry their canonical agencies", async () => {
    const dir = JSON.parse((await runCli(main, ["--agencies", "--json"])).out);
    const so = dir.find((e: { name: string }) => e.name === "Sở Lao động - Thương binh và Xã hội");
    expect(so).toMatchObject({ kind: "agency", unknown: false });
    expect(so.indicators).toBeGreaterThan(10);
    const indicators = JSON.parse((await runCli(main, ["--json"])).out);
    const joint = indicators.find((i: { agency: string }) => i.agency === "Cục Thuế tỉnh Chi cục Hải quan");
    expect(joint.agencies).toEqual(["Cục Thuế tỉnh", "Chi cục Hải quan"]);
  });

  test("--tasks with --agencies is a usage error", async () => {
    expect((await runCli(main, ["--tasks", "--agencies"])).code).toBe(2);
  });
});
