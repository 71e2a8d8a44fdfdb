import { performance } from "node:perf_hooks";
import { generateCatalog } from "./generate";
import { buildWorkbookPlan } from "../sheets/workbook";
import { workbookBuffer } from "../hosts/xlsx/write";

/**
 * Run as its own process by `npm run bench`: builds and writes the workbook of 63 provinces × 50 indicators ×
 * 5 years, then prints the time and the process's peak resident memory as JSON.
 */
async function main(): Promise<void> {
  const catalog = generateCatalog(63, 50);
  const t0 = performance.now();
  const plan = buildWorkbookPlan(catalog, { asOf: "31/12/2025" });
  const t1 = performance.now();
  const bytes = (await workbookBuffer(plan)).byteLength;
  const t2 = performance.now();
  process.stdout.write(
    JSON.stringify({ plan_ms: t1 - t0, write_ms: t2 - t1, total_ms: t2 - t0, bytes, peak_mb: process.resourceUsage().maxRSS / 1024, sheets: plan.sheets.length }) + "\n",
  );
}

void main();
