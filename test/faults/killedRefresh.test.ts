import { spawn } from "node:child_process";
import { seededRandom } from "../helpers/random";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/workbook";
import { readEntriesFile } from "../../src/hosts/xlsx/files";
import { runCli } from "../helpers/cli";
import { keyColumns, sheetRows } from "../helpers/refresh";

/**
 * A refresh killed with SIGKILL at random moments, in place (--in F --out F): whenever it dies, the file is a
 * whole workbook holding every entry — the old one, or the refreshed one. The seed of the moments is printed
 * (set FAULT_SEED to replay a run). The appendix is large enough (1,500 rows) for the write to take a good part
 * of the run.
 */
const ROWS = 1_500;
const KILLS = 20;
const ROOT = resolve(__dirname, "../..");
const TSX = join(ROOT, "node_modules/.bin/tsx");
const dir = mkdtempSync(join(tmpdir(), "im-kill-"));

function table(target: string): string {
  const lines = ["UBND TỈNH THỬ", "PHỤ LỤC CHỈ TIÊU (bảng thử cho kiểm tra lỗi khi bị ngắt)", "", "STT\tChỉ tiêu\tĐVT\tKH năm 2025\tCơ quan chủ trì"];
  for (let k = 1; k <= ROWS; k++) lines.push(`${k}\tTỷ lệ thử nghiệm số ${k}\t%\t${target}\tSở ${["Tài chính", "Y tế", "Nội vụ"][k % 3]}`);
  return lines.join("\n");
}


/** Runs the refresh CLI in its own process; kills it with SIGKILL after `killAfter` ms (if given). */
function refresh(file: string, from: string, killAfter?: number): Promise<{ ms: number; killed: boolean; code: number | null }> {
  return new Promise((done) => {
    const started = Date.now();
    const child = spawn(TSX, ["src/cli/workbook.ts", "--in", file, "--out", file, "--from", from, "--as-of", "31/12/2025"], { cwd: ROOT, stdio: "ignore" });
    const timer = killAfter === undefined ? null : setTimeout(() => child.kill("SIGKILL"), killAfter);
    child.on("exit", (code, signal) => {
      if (timer) clearTimeout(timer);
      done({ ms: Date.now() - started, killed: signal === "SIGKILL", code });
    });
  });
}

describe("a refresh killed at random moments", () => {
  const original = join(dir, "original.xlsx");
  const revised = join(dir, "revised.tsv");
  const typed = new Map<string, number>();

  beforeAll(async () => {
    const first = join(dir, "first.tsv");
    writeFileSync(first, table("≥ 80"));
    writeFileSync(revised, table("≥ 81"));
    expect((await runCli(main, ["--from", first, "--out", original, "--as-of", "31/12/2025"])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(original);
    const ws = wb.worksheets.find((w) => keyColumns(w).has("id"))!;
    const keys = keyColumns(ws);
    const actual = keys.get([...keys.keys()].find((k) => k.startsWith("actual:"))!)!;
    sheetRows(ws)
      .filter((r) => typeof r.values.id === "string" && !String(r.values.id).startsWith("§"))
      .forEach((r, k) => {
        ws.getRow(r.row).getCell(actual).value = 60 + (k % 30);
        typed.set(String(r.values.id), 60 + (k % 30));
      });
    await wb.xlsx.writeFile(original);
    expect(typed.size).toBe(ROWS);
  }, 120_000);

  test(`killed at ${KILLS} random points of an in-place refresh, the workbook is whole with every entry`, async () => {
    // How long a whole refresh takes here, to spread the kills over it.
    const whole = join(dir, "whole.xlsx");
    copyFileSync(original, whole);
    const full = await refresh(whole, revised);
    expect(full.code).toBe(0);
    const refreshed = readFileSync(whole);
    expect(refreshed.equals(readFileSync(original))).toBe(false);

    const seed = Number(process.env.FAULT_SEED ?? Date.now() % 2 ** 31);
    process.stdout.write(`killedRefresh: FAULT_SEED=${seed}, a whole refresh takes ${full.ms} ms\n`);
    const next = seededRandom(seed);
    const outcomes = { old: 0, refreshed: 0 };
    const originalBytes = readFileSync(original);
    const points = Array.from({ length: KILLS }, () => Math.round(full.ms * (0.3 + 0.75 * next())));
    // Two at a time (CI has two cores), each on its own copy.
    const victim = async (k: number) => {
      const file = join(dir, `victim-${k % 2}.xlsx`);
      copyFileSync(original, file);
      // From about where the workbook has been read to just past the end of a whole run.
      const at = points[k]!;
      const run = await refresh(file, revised, at);
      const bytes = readFileSync(file);
      const entries = await readEntriesFile(file).catch((e: Error) => {
        throw new Error(`FAULT_SEED=${seed}: killed at ${at} ms (run ${k + 1}), the workbook does not open: ${e.message}`);
      });
      const lost = [...typed].filter(([id, v]) => entries.actuals[id]?.["2025"] !== v);
      if (lost.length > 0) throw new Error(`FAULT_SEED=${seed}: killed at ${at} ms (run ${k + 1}), ${lost.length} entries lost`);
      if (bytes.equals(originalBytes)) outcomes.old++;
      else outcomes.refreshed++;
      expect(run.killed || run.code === 0).toBe(true);
    };
    for (let k = 0; k < KILLS; k += 2) await Promise.all([victim(k), victim(k + 1)]);
    process.stdout.write(`killedRefresh: ${outcomes.old} kills left the old workbook, ${outcomes.refreshed} the refreshed one\n`);
    expect(outcomes.old + outcomes.refreshed).toBe(KILLS);
    // A completed refresh removes what killed ones left beside the file.
    for (const file of [join(dir, "victim-0.xlsx"), join(dir, "victim-1.xlsx")]) {
      copyFileSync(original, file);
      expect((await refresh(file, revised)).code).toBe(0);
    }
    expect(readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  }, 600_000);
});
