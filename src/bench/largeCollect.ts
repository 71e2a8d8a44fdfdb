import { performance } from "node:perf_hooks";
import { mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { generateCatalog } from "./generate";
import { buildWorkbookPlan } from "../sheets/workbook";
import { readExisting } from "../sheets/existing";
import { refreshWorkbook } from "../sheets/merge";
import { splitMaster } from "../sheets/forms";
import { collectForms } from "../sheets/collect";
import { readFormFile, snapshotOfWorkbookFile, writeFileRefresh, writeWorkbookFile } from "../hosts/xlsx/files";

/**
 * Run as its own process by `npm run bench`, twice: `prepare DIR` writes a master of 63 plans × 50 indicators
 * with a monthly calendar (each plan reported by an agency of its own) and the 63 forms split from it, every
 * indicator's twelve months filled in; `collect DIR` then times collecting the 63 forms into the master —
 * reading the master and every form, merging, writing the new master — and prints the time and peak memory.
 */
const [mode, dir] = process.argv.slice(2);
const AS_OF = "15/12/2025";
const catalog = () => generateCatalog(63, 50, [2025], (p) => `Phòng Thống kê khu vực ${p + 1}`);

async function main(): Promise<void> {
  const master = join(dir!, "master.xlsx");
  const formsDir = join(dir!, "forms");
  if (mode === "prepare") {
    mkdirSync(formsDir, { recursive: true });
    const c = catalog();
    await writeWorkbookFile(buildWorkbookPlan(c, { asOf: AS_OF, calendar: "month", identity: { kind: "master", master: "bench-master", versions: {}, calendar: "month", reportDay: 20 } }), master);
    const existing = readExisting(await snapshotOfWorkbookFile(master));
    const refresh = refreshWorkbook(c, existing, { asOf: AS_OF, tolerance: 0.05, now: "01/12/2025 08:00" });
    const split = splitMaster(c, existing, refresh, { now: "01/12/2025 08:00", masterFile: "master.xlsx" });
    if (split.forms.length !== 63) throw new Error(`expected 63 forms, got ${split.forms.length}`);
    for (const [f, form] of split.forms.entries()) {
      // Staff fill every month of every indicator.
      for (const sheet of form.plan.sheets) {
        const months = sheet.columns.map((col, k) => ({ col, k })).filter(({ col }) => /^actual:2025-T\d\d$/.test(col.key));
        for (const [n, row] of Object.values(sheet.rowOf).entries()) for (const { k } of months) sheet.rows[row - 1]![k] = { ...sheet.rows[row - 1]![k], value: 40 + ((n * 7 + k + f) % 55) };
      }
      await writeWorkbookFile(form.plan, join(formsDir, form.file));
    }
    return;
  }
  const t0 = performance.now();
  const c = catalog();
  const existing = readExisting(await snapshotOfWorkbookFile(master));
  const forms = [];
  for (const f of readdirSync(formsDir).sort()) forms.push(await readFormFile(join(formsDir, f)));
  const collected = collectForms(existing, forms, "20/12/2025 08:00");
  const refresh = refreshWorkbook(c, existing, { asOf: AS_OF, tolerance: 0.05, now: "20/12/2025 08:00", collected });
  const out = join(dir!, "collected.xlsx");
  await writeFileRefresh(master, out, refresh);
  const t1 = performance.now();
  process.stdout.write(JSON.stringify({ total_ms: t1 - t0, edits: collected.edits.length, forms: collected.receipts.length, refused: collected.refused.length, peak_mb: process.resourceUsage().maxRSS / 1024 }) + "\n");
}

void main();
