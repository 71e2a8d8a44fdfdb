import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Catalog } from "../model";
import { buildCatalog } from "../parse/catalog";
import { buildWorkbookPlan, todayVi } from "../sheets/workbook";
import { applyEntries, parseEntriesCsv } from "../sheets/entries";
import { SheetPlan } from "../sheets/plan";
import { writeWorkbookFile } from "../hosts/xlsx/write";
import { readSeed } from "../node/seeds-fs";
import { readTextFile } from "../node/input";
import { parseCommand } from "./args";
import { catalogFromFile } from "../node/pasted";

/**
 * npm run workbook [-- --out FILE] [--plans ID,ID] [--from TABLE.tsv] [--actuals FILE.csv] [--as-of dd/mm/yyyy] [--tolerance 0.05]
 * Builds the monitoring workbook of the seed plans (or of a pasted table) to out/indicator-monitor.xlsx.
 */
const USAGE = "npm run workbook -- [--out FILE.xlsx] [--plans ID,ID] [--from TABLE.tsv] [--actuals FILE.csv] [--as-of dd/mm/yyyy] [--tolerance 0.05]";

export async function main(argv: string[]): Promise<number> {
  const command = parseCommand(argv, { flags: [], values: ["--out", "--plans", "--from", "--actuals", "--as-of", "--tolerance"] }, USAGE);
  if ("exit" in command) return command.exit;
  const { values } = command.args;
  const tolerance = values.has("--tolerance") ? Number(values.get("--tolerance")!.replace(",", ".")) : 0.05;
  if (!(tolerance >= 0 && tolerance < 1)) {
    process.stderr.write(`--tolerance: cần một số từ 0 đến 1 (ví dụ 0,05) / a number from 0 to 1 is expected\n`);
    return 2;
  }
  let catalog: Catalog;
  const from = values.get("--from");
  if (from !== undefined) {
    const read = catalogFromFile(from);
    if (!read.ok) {
      process.stderr.write(`${read.error}\n`);
      return 1;
    }
    catalog = read.catalog;
  } else {
    catalog = buildCatalog(readSeed).catalog;
  }
  const plans = values.get("--plans")?.split(",").map((p) => p.trim()).filter(Boolean);
  if (plans) {
    const unknown = plans.filter((p) => !catalog.plans.some((x) => x.id === p));
    if (unknown.length > 0) {
      process.stderr.write(`Không có văn bản ${unknown.join(", ")} / Unknown plan ${unknown.join(", ")}. Có / Available: ${catalog.plans.map((p) => p.id).join(", ")}\n`);
      return 2;
    }
  }
  let plan = buildWorkbookPlan(catalog, { asOf: values.get("--as-of") ?? todayVi(), tolerance, plans });
  const actualsFile = values.get("--actuals");
  if (actualsFile !== undefined) {
    const file = readTextFile(actualsFile);
    if (!file.ok) {
      process.stderr.write(`${file.error}\n`);
      return 1;
    }
    const result = applyEntries(plan, parseEntriesCsv(file.text));
    plan = result.plan;
    process.stdout.write(`Số thực hiện đã điền / actuals filled: ${result.applied}\n`);
    for (const u of result.unmatched) {
      process.stdout.write(`  ${actualsFile}:${u.line} “${u.key}” ${u.period}: ${u.why.vi} / ${u.why.en}\n`);
    }
  }
  SheetPlan.parse(plan);
  const out = resolve(values.get("--out") ?? "out/indicator-monitor.xlsx");
  mkdirSync(dirname(out), { recursive: true });
  await writeWorkbookFile(plan, out);
  const indicators = plan.sheets.reduce((n, s) => n + Object.keys(s.rowOf).length, 0);
  process.stdout.write(`Đã ghi / written: ${out} (${plan.sheets.filter((s) => !s.hidden).length} trang, ${indicators} chỉ tiêu)\n`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      process.stderr.write(`Lỗi / Error: ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
