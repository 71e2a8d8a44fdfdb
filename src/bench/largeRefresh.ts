import { performance } from "node:perf_hooks";
import { rmSync, statSync } from "node:fs";
import { generateCatalog } from "./generate";
import { buildWorkbookPlan } from "../sheets/workbook";

import { planFileRefresh, writeFileRefresh, writeWorkbookFile } from "../hosts/xlsx/files";
import { parseTarget } from "../parse/target";
import type { Entries } from "../sheets/indicatorSheet";

/**
 * Run as its own process by `npm run bench`, twice: `prepare FILE` writes the large generated workbook (63
 * provinces × 50 indicators × 5 years) with an actual and a note typed for every indicator and year; `refresh
 * FILE` then times reading it, merging a revised catalog (one target in ten changed) and writing the result,
 * and prints the time and peak resident memory as JSON.
 */
const [mode, file] = process.argv.slice(2);

async function main(): Promise<void> {
  const catalog = generateCatalog(63, 50);
  if (mode === "prepare") {
    const entries: Entries = { actuals: {}, notes: {}, baselines: {} };
    for (const plan of catalog.plans)
      for (const a of plan.appendices)
        for (const [k, i] of a.indicators.entries()) {
          entries.actuals[i.id] = Object.fromEntries(Object.keys(i.yearly).map((y) => [y, 40 + ((k * 13) % 60)]));
          entries.notes[i.id] = `ghi chú ${k}`;
        }
    await writeWorkbookFile(buildWorkbookPlan(catalog, { asOf: "31/12/2025", entries }), file!);
    return;
  }
  // A revised plan: every tenth indicator's whole-period target raised.
  for (const plan of catalog.plans)
    for (const a of plan.appendices)
      a.indicators.forEach((i, k) => {
        if (k % 10 === 0 && i.target.kind === "at_least") i.target = parseTarget(`≥ ${(i.target.min ?? 0) + 1}`, { name: i.name, unit: i.unit });
      });
  const out = `${file!}.refreshed.xlsx`;
  const t0 = performance.now();
  const refresh = await planFileRefresh(file!, catalog, { asOf: "31/12/2025", tolerance: 0.05, now: "01/01/2026 08:00" });
  const t1 = performance.now();
  await writeFileRefresh(file!, out, refresh);
  const t2 = performance.now();
  const bytes = statSync(out).size;
  rmSync(out);
  process.stdout.write(JSON.stringify({ plan_ms: t1 - t0, write_ms: t2 - t1, total_ms: t2 - t0, changes: refresh.changes.length, bytes, peak_mb: process.resourceUsage().maxRSS / 1024 }) + "\n");
}

void main();
