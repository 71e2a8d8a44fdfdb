import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { runCli } from "../helpers/cli";
import { main } from "../../src/cli/evaluate";

const FIXTURE = join(__dirname, "../fixtures/bao-cao-2025.tsv");

function run(argv: string[]) {
  return runCli(main, argv);
}

describe("evaluate --from FILE --json", () => {
  test("prints every row with indicator, target, actual, status, gap and message", async () => {
    const r = await run(["--from", FIXTURE, "--json"]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out);
    expect(rows).toHaveLength(20);
    expect(rows[3]).toMatchObject({ code: "4", name: "Thu ngân sách nội địa", actual: "5.900", status: "shortfall", target: { text: "6.682", kind: "exact" } });
    expect(rows[3].gap).toBeCloseTo(-782, 6);
    expect(rows[3].message.vi).toContain("thiếu 782");
    expect(rows[3].message.en).toContain("short by 782");
    expect(rows.map((x: { status: string }) => x.status)).toContain("invalid");
  });

  test("--target and --actual name the columns", async () => {
    const r = await run(["--from", FIXTURE, "--json", "--target", "KH năm 2025", "--actual", "TH năm 2024"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)[0]).toMatchObject({ actual: "6,5", status: "shortfall" });
  });

  test("--tolerance widens “near”", async () => {
    const rows = JSON.parse((await run(["--from", FIXTURE, "--json", "--tolerance", "0,15"])).out);
    expect(rows[3].status).toBe("near");
  });

  test("the readable form shows symbols and Vietnamese messages", async () => {
    const r = await run(["--from", FIXTURE]);
    expect(r.out).toContain("✗ Không đạt");
    expect(r.out).toContain("▲ Vượt");
  });
});

describe("evaluate: bad input", () => {
  test("no --from is a usage error", async () => {
    expect((await run(["--json"])).code).toBe(2);
  });

  test("an empty file exits 1 with a message", async () => {
    const dir = mkdtempSync(join(tmpdir(), "im-"));
    writeFileSync(join(dir, "e.tsv"), "");
    const r = await run(["--from", join(dir, "e.tsv")]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("Tệp trống");
  });

  test("an unknown column exits 1 and lists the columns", async () => {
    const r = await run(["--from", FIXTURE, "--actual", "Quý V"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("Ước TH năm 2025");
  });

  test("a tolerance out of range is a usage error", async () => {
    expect((await run(["--from", FIXTURE, "--tolerance", "5"])).code).toBe(2);
  });

  test("`npm run -s evaluate` works end to end", () => {
    const p = spawnSync("npm", ["run", "-s", "evaluate", "--", "--from", FIXTURE, "--json"], { cwd: join(__dirname, "../.."), encoding: "utf8" });
    expect(p.status).toBe(0);
    expect(JSON.parse(p.stdout)).toHaveLength(20);
  });
});

describe("evaluate on a table of several year and period columns", () => {
  test("judges the year-end estimate and shows how every other column reads", async () => {
    const dir = mkdtempSync(join(tmpdir(), "im-eval-cols-"));
    const file = join(dir, "bc.tsv");
    writeFileSync(
      file,
      [
        "TT\tChỉ tiêu\tĐơn vị\tTH năm 2024\tKH năm 2025\tTH 6 tháng 2025\tƯớc TH năm 2025",
        "1\tTốc độ tăng trưởng GRDP\t%\t7,2\t8,0\tước đạt 3,9%\tkhoảng 8,1%",
        "2\tThu ngân sách nhà nước\ttỷ đồng\t6.120 tỷ đồng\t6.500\t3.100 tỷ đồng, đạt 47,7% dự toán\t6.620 tỷ đồng",
      ].join("\n"),
    );
    const r = await run(["--from", file, "--json"]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out);
    expect(rows.map((x: { status: string }) => x.status)).toEqual(["exceeded", "exceeded"]);
    expect(rows[0].columns.map((c: { header: string; value: number | null }) => [c.header, c.value])).toEqual([
      ["TH năm 2024", 7.2],
      ["TH 6 tháng 2025", 3.9],
    ]);
    expect(rows[1].columns[1]).toMatchObject({ header: "TH 6 tháng 2025", value: 3100 });
    expect(rows[1].columns[1].reading.vi).toContain("báo cáo ghi “đạt 47,7% dự toán”");
    const text = await run(["--from", file]);
    expect(text.out).toContain("TH 6 tháng 2025: ước đạt 3,9%");
  });
});
