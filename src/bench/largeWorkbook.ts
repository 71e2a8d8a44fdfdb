import { performance } from "node:perf_hooks";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateCatalog } from "./generate";
import { buildWorkbookPlan } from "../sheets/workbook";
import { writeWorkbookFile } from "../hosts/xlsx/files";

/**
 * Run as its own process by `npm run bench`: builds the workbook of 63 provinces × 50 indicators × 5 years and
 * writes it to a file as the CLI does (streamed, part by part), then prints the time and the process's peak
 * resident memory as JSON.
 */
async function main(): Promise<void> {
  const catalog = generateCatalog(63, 50);
  const file = join(mkdtempSync(join(tmpdir(), "im-bench-large-")), "large.xlsx");
  const t0 = performance.now();
  const plan = buildWorkbookPlan(catalog, { asOf: "31/12/2025" });
  const t1 = performance.now();
  await writeWorkbookFile(plan, file);
  const t2 = performance.now();
  const bytes = statSync(file).size;
  rmSync(file);
  process.stdout.write(
    JSON.stringify({ plan_ms: t1 - t0, write_ms: t2 - t1, total_ms: t2 - t0, bytes, peak_mb: process.resourceUsage().maxRSS / 1024, sheets: plan.sheets.length }) + "\n",
  );
}

void main();
