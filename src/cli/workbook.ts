import { mkdirSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Catalog } from "../model";
import { buildCatalog } from "../parse/catalog";
import { buildWorkbookPlan, nowVi, todayVi } from "../sheets/workbook";
import { applyEntries, parseEntriesCsv, type AppliedEntry, type EntriesCsv, type EntriesResult } from "../sheets/entries";
import { catalogIndicators } from "../model";
import { judgeYear, targetFor } from "../evaluate/indicator";
import { judgePace } from "../evaluate/pace";
import { formatNumber } from "../parse/number";
import { bilingual, message } from "../i18n/messages";
import type { Indicator } from "../model/indicator";
import { STATUS_VOCABULARY } from "../evaluate/vocabulary";
import { SheetPlan } from "../sheets/plan";
import { planFileRefresh, readWorkbookFile, snapshotOfWorkbookFile, writeFileRefresh, writeWorkbook, writeWorkbookFile } from "../hosts/xlsx/files";
import { readExisting } from "../sheets/existing";
import { restoreInWorkbook } from "../hosts/xlsx/refresh";
import { CHANGE_LABELS, changeSummary, type Refresh } from "../sheets/merge";
import { readSeed } from "../node/seeds-fs";
import { readTextFile } from "../node/input";
import { parseCommand } from "./args";
import { catalogFromFile } from "../node/pasted";
import { checkInputFile, writeFileAtomic } from "../node/files";
import { calendarOf, calendarOfKeys, periodEntryKey, periodLabel, type Calendar } from "../model/period";
import { randomUUID } from "node:crypto";
import { DEFAULT_REPORT_DAY } from "../sheets/identity";
import { collectFiles, splitFile } from "./cycle";
import { countedRows } from "../sheets/rowCounts";
import { cliFailure, fsFailure } from "../node/fsErrors";
import { rewriteMaster } from "./masterWrite";

/**
 * npm run workbook [-- --out FILE] [--plans ID,ID] [--from TABLE.tsv [--name "Tên ngắn"]] [--actuals FILE.csv] [--as-of dd/mm/yyyy] [--tolerance 0.05] [--no-protect]
 * Builds the monitoring workbook of the seed plans (or of a pasted table) to out/indicator-monitor.xlsx.
 * With --in OLD.xlsx it refreshes an existing workbook from the catalog instead, keeping every entry
 * (--dry-run: only say what would change; --restore: put back the entries saved before the last refresh or collect).
 */
const USAGE = [
  'npm run workbook -- [--out FILE.xlsx] [--plans ID,ID] [--from TABLE.tsv [--name TÊN-NGẮN] [--target-column "TIÊU ĐỀ CỘT"]] [--actuals FILE.csv] [--as-of dd/mm/yyyy] [--tolerance 0.05] [--no-protect] [--print-list] [--periods thang|quy|6thang|9thang|nam]',
  "npm run workbook -- --in OLD.xlsx --out NEW.xlsx [--dry-run] [--plans ID,ID] [--from TABLE.tsv] [--no-protect]   (cập nhật chỉ tiêu / refresh targets)",
  "npm run workbook -- --in OLD.xlsx --out NEW.xlsx --restore   (khôi phục số liệu trước lần cập nhật hoặc thu phiếu gần nhất / restore entries saved before the last refresh or collect)",
  'npm run workbook -- --in MASTER.xlsx --split-by-agency --out THƯ-MỤC [--agency "Sở Tài chính"] [--as-of dd/mm/yyyy]   (tách phiếu theo cơ quan / one form per agency)',
  "npm run workbook -- --in MASTER.xlsx --collect A.xlsx B.xlsx … --out NEW.xlsx [--dry-run]   (tổng hợp phiếu / collect returned forms)",
].join("\n");

export async function main(given: string[]): Promise<number> {
  try {
    return await runWorkbook(given);
  } catch (e) {
    // A file that cannot be read or written (disk full, no permission, read-only, a lock held too long) is said
    // in Vietnamese and English with the file named, not as a stack trace.
    const failure = cliFailure(e);
    if (!failure) throw e;
    process.stderr.write(`${bilingual(failure)}\n`);
    return 1;
  }
}

async function runWorkbook(given: string[]): Promise<number> {
  // --collect takes the returned forms: every argument after it up to the next option.
  const at = given.indexOf("--collect");
  const formFiles: string[] = [];
  let argv = given;
  if (at >= 0) {
    let end = at + 1;
    while (end < given.length && !given[end]!.startsWith("--")) formFiles.push(given[end++]!);
    argv = [...given.slice(0, at), "--collect", ...given.slice(end)];
  }
  const command = parseCommand(argv, { flags: ["--dry-run", "--restore", "--no-protect", "--print-list", "--split-by-agency", "--collect"], values: ["--in", "--out", "--plans", "--from", "--name", "--target-column", "--actuals", "--as-of", "--tolerance", "--periods", "--agency"] }, USAGE);
  if ("exit" in command) return command.exit;
  const { values } = command.args;
  const tolerance = values.has("--tolerance") ? Number(values.get("--tolerance")!.replace(",", ".")) : 0.05;
  if (!(tolerance >= 0 && tolerance < 1)) {
    process.stderr.write(`--tolerance: cần một số từ 0 đến 1 (ví dụ 0,05) / a number from 0 to 1 is expected\n`);
    return 2;
  }
  const calendar = values.has("--periods") ? calendarOf(values.get("--periods")!) : undefined;
  if (calendar === null) {
    process.stderr.write(`--periods: cần “thang”, “quy”, “6thang”, “9thang” hoặc “nam” / one of month, quarter, half, nine, year is expected (given “${values.get("--periods")}”)\n`);
    return 2;
  }
  let catalog: Catalog;
  const from = values.get("--from");
  if (from !== undefined) {
    // Refreshing a workbook from a revised table saved under another file name: without --name, the table
    // keeps the identity of the one pasted table the workbook has, so its sheet is refreshed, not added.
    const adopted = values.has("--in") && !values.has("--name") ? await pastedPlanOf(resolve(values.get("--in")!)) : null;
    const read = catalogFromFile(from, values.get("--name"), adopted ?? undefined, values.get("--target-column"));
    if (adopted) process.stdout.write(`Bảng ${from} được ghép với bảng ${adopted} trong workbook (dùng --name để đặt tên khác) / the table is matched to ${adopted} in the workbook (use --name to name it otherwise)\n`);
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
  const protect = !command.args.flags.has("--no-protect");
  const asOf = values.get("--as-of") ?? todayVi();
  const input = values.get("--in");
  const flags = command.args.flags;
  if (flags.has("--split-by-agency") || flags.has("--collect")) {
    if (input === undefined) {
      process.stderr.write("--split-by-agency và --collect cần --in MASTER.xlsx / need --in MASTER.xlsx\n");
      return 2;
    }
    const cycle = { asOf, tolerance, now: nowVi(), protect };
    if (flags.has("--split-by-agency")) {
      const agencies = values.get("--agency")?.split(";").map((a) => a.trim()).filter(Boolean);
      // A split records its forms in the master's ledger: the master is written, under its lock (ledger.ts).
      const master = resolve(input);
      return rewriteMaster(master, master, false, () => splitFile(master, resolve(values.get("--out") ?? "out/phieu"), catalog, { ...cycle, agencies }));
    }
    if (formFiles.length === 0) {
      process.stderr.write("--collect cần ít nhất một phiếu / needs at least one form: --collect A.xlsx B.xlsx …\n");
      return 2;
    }
    const [master, output] = [resolve(input), resolve(values.get("--out") ?? input)];
    const dryRun = flags.has("--dry-run");
    return rewriteMaster(master, output, dryRun, () => collectFiles(master, output, formFiles.map((f) => resolve(f)), catalog, { ...cycle, dryRun }));
  }
  if (input !== undefined) {
    if (values.has("--actuals")) {
      process.stderr.write("--actuals dùng khi tạo workbook mới; khi cập nhật, số liệu lấy từ workbook cũ / --actuals is for new workbooks; a refresh keeps the old workbook's entries\n");
      return 2;
    }
    const [master, output] = [resolve(input), resolve(values.get("--out") ?? "out/indicator-monitor.xlsx")];
    const options = { asOf, tolerance, plans, protect, calendar, dryRun: command.args.flags.has("--dry-run"), restore: command.args.flags.has("--restore") };
    return rewriteMaster(master, output, options.dryRun, () => refreshFile(master, output, catalog, options));
  }
  // A new workbook gets an identity of its own: the forms split from it are known as its forms.
  const identity = { kind: "master" as const, master: randomUUID(), versions: {}, calendar: calendar ?? null, reportDay: DEFAULT_REPORT_DAY };
  let plan = buildWorkbookPlan(catalog, { asOf, tolerance, plans, protect, calendar, identity, printList: command.args.flags.has("--print-list") });
  const actualsFile = values.get("--actuals");
  if (actualsFile !== undefined) {
    const file = readTextFile(actualsFile);
    if (!file.ok) {
      process.stderr.write(`${file.error}\n`);
      return 1;
    }
    const csv = parseEntriesCsv(file.text);
    const result = applyEntries(plan, csv.rows);
    plan = result.plan;
    for (const line of describeEntries(catalog, csv, result, actualsFile)) process.stdout.write(`${line}\n`);
  }
  SheetPlan.parse(plan);
  const out = resolve(values.get("--out") ?? "out/indicator-monitor.xlsx");
  mkdirSync(dirname(out), { recursive: true });
  await writeWorkbookFile(plan, out);
  const indicators = countedRows(plan.sheets.filter((s) => s.kind === "indicators" || s.kind === "scenario"));
  const tasks = plan.sheets.filter((s) => s.kind === "tasks").reduce((n, s) => n + Object.keys(s.rowOf).length, 0);
  process.stdout.write(`Đã ghi / written: ${out} (${plan.sheets.filter((s) => !s.hidden).length} trang tính / sheets, ${indicators} chỉ tiêu / indicators${tasks ? `, ${tasks} nhiệm vụ / tasks` : ""})\n`);
  return 0;
}

/** Whether the workbook flags an entry written by --actuals: a period cell through the row's pace, a year's through its status. */
function flaggedEntry(ind: Indicator, f: AppliedEntry): boolean {
  const p = periodEntryKey(f.period);
  if (!p) return judgeYear(ind, f.period, f.value).status === "invalid";
  const calendar = calendarOfKeys([p.key]) ?? "month";
  const pace = judgePace({ calendar, cells: { [p.key]: f.value }, accumulation: "flow", target: targetFor(ind, p.year), direction: ind.direction, unit: ind.unit });
  return pace.status === "invalid";
}

/**
 * What --actuals did, in words that add up: lines read = written + not written; of those written, how many the
 * workbook will flag as invalid input (kept, as DHIS2 keeps them, and shown in red); each line not written with
 * its reason. Figures are written as numbers (evaluate/typedEntry.ts); one that read two ways and was taken the
 * vi-VN way is said, so that nothing is read silently. Periods are named as staff write them ("Tháng 1/2025").
 */
export function describeEntries(catalog: Catalog, csv: EntriesCsv, result: EntriesResult, file: string): string[] {
  const indicators = new Map(catalogIndicators(catalog).map((i) => [i.id, i]));
  const flagged = result.filled.filter((f) => {
    const ind = indicators.get(f.id);
    return ind !== undefined && flaggedEntry(ind, f);
  });
  const skipped = [...csv.problems, ...result.unmatched].sort((a, b) => a.line - b.line);
  const lines = [
    `Số thực hiện / actuals: ${csv.lines} dòng đọc được / lines read; ${result.applied} đã điền / written` +
      ` (${flagged.length} trong số đó bị đánh dấu lỗi nhập liệu / of them flagged as invalid input); ${skipped.length} không điền / not written`,
  ];
  const at = (f: AppliedEntry) => `${file}:${f.line} ${f.id} ${periodEntryKey(f.period) ? periodLabel(f.period) : f.period}`;
  for (const f of flagged) lines.push(`  ${at(f)}: “${String(f.given)}” — ${STATUS_VOCABULARY.invalid.vi} / ${STATUS_VOCABULARY.invalid.en}`);
  for (const f of result.filled) {
    if (f.as !== "preferred" || typeof f.value !== "number") continue;
    const read = (lang: "vi" | "en") => message("eval.warn.ambiguous_read", { text: String(f.given), value: formatNumber(f.value as number, 3, lang) })[lang];
    lines.push(`  ${at(f)}: ${read("vi")} / ${read("en")}`);
  }
  for (const u of skipped) lines.push(`  ${file}:${u.line} “${u.key}” ${u.period}: ${u.why.vi} / ${u.why.en}`);
  for (const u of csv.shortened ?? []) lines.push(`  Lưu ý / note: ${file}:${u.line} “${u.key}” ${u.period}: ${u.why.vi} / ${u.why.en}`);
  return lines;
}

/** The plan id of the one pasted table a workbook holds (plans not among the seeds); null if none or several, or unreadable. */
async function pastedPlanOf(file: string): Promise<string | null> {
  if (!checkInputFile(file, "xlsx").ok) return null;
  try {
    const seeds = new Set(buildCatalog(readSeed).catalog.plans.map((p) => p.id));
    const existing = readExisting(await snapshotOfWorkbookFile(file));
    const plans = new Set(existing.sheets.flatMap((s) => s.rows.map((r) => r.id?.split(".")[0] ?? "")).filter((p) => p !== "" && !seeds.has(p)));
    return plans.size === 1 ? [...plans][0]! : null;
  } catch {
    return null; // the refresh itself reports an unreadable file
  }
}

/** What a refresh will change (or changed), in Vietnamese and English, one line each. */
export function describeRefresh(refresh: Refresh): string[] {
  const lines: string[] = [];
  if (refresh.changes.length === 0) lines.push("Không có thay đổi / No changes");
  else {
    lines.push(`Thay đổi / changes: ${changeSummary(refresh.changes, "vi")} (${changeSummary(refresh.changes, "en").toLowerCase()})`);
    for (const c of refresh.changes) {
      const detail = c.before || c.after ? `: ${c.before || "—"} → ${c.after || "—"}` : "";
      lines.push(`  [${c.sheet}] ${c.code} ${c.name} — ${CHANGE_LABELS[c.kind].vi} / ${CHANGE_LABELS[c.kind].en}${detail}`);
    }
  }
  for (const n of refresh.notices) lines.push(`  Lưu ý / note: ${n.sheet}!${n.cell}: ${n.vi} / ${n.en}`);
  if (refresh.keep.length > 0) lines.push(`Giữ nguyên / kept as they are: ${refresh.keep.join(", ")}`);
  return lines;
}

async function refreshFile(
  input: string,
  out: string,
  catalog: Catalog,
  options: { asOf: string; tolerance: number; plans?: string[]; protect: boolean; calendar?: Calendar; dryRun: boolean; restore: boolean },
): Promise<number> {
  const check = checkInputFile(input, "xlsx");
  if (!check.ok) {
    process.stderr.write(`${check.error}\n`);
    return 1;
  }
  const unreadable = (e: unknown) => {
    const failure = fsFailure(e, input, "read");
    process.stderr.write(`${failure ? bilingual(failure) : `Không đọc được ${input} như một tệp .xlsx / cannot read it as an .xlsx file: ${(e as Error).message}`}\n`);
    return 1;
  };
  mkdirSync(dirname(out), { recursive: true });
  if (options.restore) {
    let wb;
    try {
      wb = await readWorkbookFile(input);
    } catch (e) {
      return unreadable(e);
    }
    const restored = restoreInWorkbook(wb);
    process.stdout.write(`${restored.summary.vi}\n${restored.summary.en}\n`);
    for (const s of restored.skipped) process.stdout.write(`  ${s.sheet}!${s.cell}: ${s.vi} / ${s.en}\n`);
    if (options.dryRun) return 0;
    await writeWorkbook(wb, out);
    process.stdout.write(`Đã ghi / written: ${out}\n`);
    return 0;
  }
  let refresh: Refresh;
  try {
    refresh = await planFileRefresh(input, catalog, { asOf: options.asOf, tolerance: options.tolerance, plans: options.plans, now: nowVi(), protect: options.protect, calendar: options.calendar, newId: options.calendar ? randomUUID() : undefined });
  } catch (e) {
    return unreadable(e);
  }
  for (const line of describeRefresh(refresh)) process.stdout.write(`${line}\n`);
  if (options.dryRun) {
    process.stdout.write("Chạy thử: chưa ghi gì / dry run: nothing written\n");
    return 0;
  }
  if (refresh.changes.length === 0) {
    if (out !== input) writeFileAtomic(out, readFileSync(input));
    process.stdout.write(`Workbook không đổi / unchanged: ${out}\n`);
    return 0;
  }
  await writeFileRefresh(input, out, refresh);
  process.stdout.write(`Đã ghi / written: ${out} (sao lưu ${refresh.backedUp} ô số liệu trước khi cập nhật / ${refresh.backedUp} entries backed up)\n`);
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
