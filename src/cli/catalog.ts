import { planFacts } from "../sheets/planText";
import { Catalog, catalogIndicators, type Indicator } from "../model";
import { buildCatalog } from "../parse/catalog";
import type { Skipped } from "../parse/document";
import { readSeed } from "../node/seeds-fs";
import { catalogFromFile } from "../node/pasted";
import { parseCommand } from "./args";

/**
 * npm run -s catalog -- [--json] [--from FILE]
 * Prints the catalog of the seed plans (or of a tab-separated table in FILE): with --json an array of
 * indicators, without it a readable summary. Bad input exits with 1 and a message; bad options with 2.
 */
const USAGE = "npm run -s catalog -- [--json] [--from FILE.tsv [--name TÊN-NGẮN] [--target-column \"TIÊU ĐỀ CỘT\"]]";

function truncate(s: string, n: number): string {
  return s.length <= n ? s : s.slice(0, n - 1) + "…";
}

function pad(s: string, n: number): string {
  return truncate(s, n).padEnd(n);
}

export function summary(catalog: Catalog, skipped: Record<string, Skipped[]>): string {
  const out: string[] = [];
  for (const plan of catalog.plans) {
    const count = plan.appendices.reduce((n, a) => n + a.indicators.length, 0);
    out.push(`■ ${plan.id} — ${plan.title}`);
    out.push(`  ${planFacts(plan)}; ${count} chỉ tiêu`);
    for (const a of plan.appendices) {
      const unparsed = a.indicators.filter((i) => i.target.kind === "unparsed").length;
      out.push(`  Phụ lục ${a.id} (${a.layout}): ${a.title} — ${a.indicators.length} chỉ tiêu${unparsed ? `, ${unparsed} chưa đọc được` : ""}`);
      out.push(`    ${pad("TT", 5)} ${pad("Chỉ tiêu", 58)} ${pad("ĐVT", 12)} ${pad("Chỉ tiêu KH", 26)} ${pad("Loại", 11)} Hướng`);
      for (const i of a.indicators) {
        const name = "  ".repeat(i.level) + i.name;
        out.push(`    ${pad(i.code, 5)} ${pad(name, 58)} ${pad(i.unit, 12)} ${pad(i.target.text, 26)} ${pad(i.target.kind, 11)} ${i.direction}`);
      }
    }
    for (const s of skipped[plan.id] ?? []) out.push(`  (bỏ qua / skipped${s.line ? ` dòng ${s.line}` : ""}: ${s.why.vi} — ${truncate(s.what, 70)})`);
    out.push("");
  }
  const all = catalogIndicators(catalog);
  out.push(`Tổng: ${catalog.plans.length} văn bản, ${all.length} chỉ tiêu, ${all.filter((i) => i.target.kind === "unparsed").length} chỉ tiêu chưa đọc được.`);
  return out.join("\n");
}

export function main(argv: string[]): number {
  const command = parseCommand(argv, { flags: ["--json"], values: ["--from", "--name", "--target-column"] }, USAGE);
  if ("exit" in command) return command.exit;
  const { flags, values } = command.args;
  let catalog: Catalog;
  let skipped: Record<string, Skipped[]>;
  const from = values.get("--from");
  if (from !== undefined) {
    const read = catalogFromFile(from, values.get("--name"), undefined, values.get("--target-column"));
    if (!read.ok) {
      process.stderr.write(`${read.error}\n`);
      return 1;
    }
    ({ catalog, skipped } = read);
  } else {
    ({ catalog, skipped } = buildCatalog(readSeed));
  }
  Catalog.parse(catalog); // the schema is the contract of the JSON below
  if (flags.has("--json")) {
    const indicators: Indicator[] = catalogIndicators(catalog);
    process.stdout.write(JSON.stringify(indicators, null, 2) + "\n");
  } else {
    process.stdout.write(summary(catalog, skipped) + "\n");
  }
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
