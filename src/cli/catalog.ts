import { planFacts } from "../sheets/planText";
import { Catalog, catalogIndicators, type Indicator } from "../model";
import { buildCatalog } from "../parse/catalog";
import type { Skipped } from "../parse/document";
import { readSeed } from "../node/seeds-fs";
import { catalogFromFile } from "../node/pasted";
import { parseCommand } from "./args";
import { indicatorCount, plannedIndicatorCount } from "../model/counting";
import type { Task } from "../model/task";
import { agencyDirectory, indicatorAgencies } from "../parse/directory";

/**
 * npm run -s catalog -- [--json] [--from FILE]
 * Prints the catalog of the seed plans (or of a tab-separated table in FILE): with --json an array of
 * indicators, without it a readable summary. Bad input exits with 1 and a message; bad options with 2.
 */
const USAGE = "npm run -s catalog -- [--json] [--tasks | --agencies] [--from FILE.tsv [--name TÊN-NGẮN] [--target-column \"TIÊU ĐỀ CỘT\"]]";

function truncate(s: string, n: number): string {
  return s.length <= n ? s : s.slice(0, n - 1) + "…";
}

function pad(s: string, n: number): string {
  return truncate(s, n).padEnd(n);
}

export function summary(catalog: Catalog, skipped: Record<string, Skipped[]>): string {
  const out: string[] = [];
  for (const plan of catalog.plans) {
    const count = plannedIndicatorCount(plan.appendices);
    out.push(`■ ${plan.id} — ${plan.title}`);
    out.push(`  ${planFacts(plan)}; ${count} chỉ tiêu`);
    for (const a of plan.appendices) {
      const unparsed = a.indicators.filter((i) => i.target.kind === "unparsed").length;
      out.push(`  Phụ lục ${a.id} (${a.layout}): ${a.title} — ${indicatorCount(a.indicators)} chỉ tiêu${indicatorCount(a.indicators) !== a.indicators.length ? ` (${a.indicators.length} dòng kể cả các phần của chỉ tiêu gộp)` : ""}${unparsed ? `, ${unparsed} chưa đọc được` : ""}`);
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

/** A task as `catalog --tasks --json` prints it: lead and the second agency as printed, agencies canonical. */
function taskJson(t: Task) {
  return {
    id: t.id,
    plan: t.plan,
    appendix: t.appendix,
    code: t.code,
    section: t.section,
    name: t.name,
    lead: t.lead,
    ...(t.second ? { [t.second.role]: t.second.text } : {}),
    agencies: t.agencies,
    groups: t.groups,
    deadline: { text: t.deadline.text, due: t.deadline.due, recurring: t.deadline.recurring, kind: t.deadline.kind, reason: t.deadline.reason },
    submitTo: t.submitTo,
    product: t.product,
    line: t.line,
  };
}

function taskSummary(catalog: Catalog): string {
  const out: string[] = [];
  for (const plan of catalog.plans) {
    for (const a of plan.tasks ?? []) {
      out.push(`■ ${plan.id} — Phụ lục ${a.id}: ${a.title} — ${a.tasks.length} nhiệm vụ${a.sections.length ? `, ${a.sections.length} mục` : ""}`);
      for (const t of a.tasks) out.push(`    ${(t.code || "·").padEnd(4)} ${truncate(t.name, 60).padEnd(60)} ${truncate(t.agencies.filter((x) => x.role === "lead").map((x) => x.name).join("; ") || t.lead, 40).padEnd(40)} ${t.deadline.due ?? (t.deadline.kind === "continuous" ? "thường xuyên" : "")}`);
    }
  }
  return out.join("\n");
}

export function main(argv: string[]): number {
  const command = parseCommand(argv, { flags: ["--json", "--tasks", "--agencies"], values: ["--from", "--name", "--target-column"] }, USAGE);
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
  if (flags.has("--tasks") && flags.has("--agencies")) {
    process.stderr.write(`--tasks hoặc --agencies, không cả hai / --tasks or --agencies, not both\n${USAGE}\n`);
    return 2;
  }
  if (flags.has("--tasks")) {
    const tasks = catalog.plans.flatMap((p) => (p.tasks ?? []).flatMap((a) => a.tasks));
    if (flags.has("--json")) process.stdout.write(JSON.stringify(tasks.map(taskJson), null, 2) + "\n");
    else process.stdout.write(taskSummary(catalog) + "\n");
    return 0;
  }
  if (flags.has("--agencies")) {
    const directory = agencyDirectory(catalog);
    if (flags.has("--json")) process.stdout.write(JSON.stringify(directory, null, 2) + "\n");
    else for (const e of directory) process.stdout.write(`${e.kind === "group" ? "[nhóm] " : ""}${e.name} — ${e.indicators} chỉ tiêu, ${e.tasks} nhiệm vụ${e.aliases.length ? ` (cũng viết: ${e.aliases.join("; ")})` : ""}\n`);
    return 0;
  }
  if (flags.has("--json")) {
    // Each indicator with the canonical agencies its "Cơ quan chủ trì" names (the directory's names).
    const indicators: (Indicator & { agencies: string[] })[] = catalogIndicators(catalog).map((i) => ({
      ...i,
      agencies: indicatorAgencies(i.agency).filter((m) => m.kind === "agency").map((m) => m.name),
    }));
    process.stdout.write(JSON.stringify(indicators, null, 2) + "\n");
  } else {
    process.stdout.write(summary(catalog, skipped) + "\n");
  }
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
