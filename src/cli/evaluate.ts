import { evaluateReport } from "../evaluate/report";
import { statusLabel } from "../evaluate/vocabulary";
import { bilingual } from "../i18n/messages";
import { readTextFile } from "../node/input";
import { parseCommand } from "./args";
import { basename, dirname, resolve } from "node:path";
import { mkdirSync } from "node:fs";
import { idFromName } from "../model/ids";
import { reportWorkbookPlan } from "../sheets/reportWorkbook";
import { writeWorkbookFile } from "../hosts/xlsx/files";
import { todayVi } from "../sheets/workbook";

/**
 * npm run -s evaluate -- --from FILE [--json] [--target COL] [--actual COL] [--tolerance 0.05] [--report OUT.xlsx]
 * Judges every row of a year-end report table: indicator, target, actual, status, gap, achievement, message,
 * and how each of its other year and period columns reads; --report writes it as a workbook with its report sheet.
 */
const USAGE = "npm run -s evaluate -- --from FILE.tsv [--json] [--target COL] [--actual COL] [--tolerance 0.05] [--report OUT.xlsx]";

export async function main(argv: string[]): Promise<number> {
  const command = parseCommand(argv, { flags: ["--json"], values: ["--from", "--target", "--actual", "--tolerance", "--report"] }, USAGE);
  if ("exit" in command) return command.exit;
  const { flags, values } = command.args;
  const from = values.get("--from");
  if (from === undefined) {
    process.stderr.write(`Cần --from FILE / --from FILE is required\n${USAGE}\n`);
    return 2;
  }
  const tolerance = values.has("--tolerance") ? Number(values.get("--tolerance")!.replace(",", ".")) : undefined;
  if (tolerance !== undefined && !(tolerance >= 0 && tolerance < 1)) {
    process.stderr.write(`--tolerance: cần một số từ 0 đến 1 (ví dụ 0,05) / a number from 0 to 1 is expected (e.g. 0.05)\n`);
    return 2;
  }
  const file = readTextFile(from);
  if (!file.ok) {
    process.stderr.write(`${file.error}\n`);
    return 1;
  }
  if (file.text.trim() === "") {
    process.stderr.write(`${from}: Tệp trống / The file is empty\n`);
    return 1;
  }
  const planId = idFromName(basename(from).replace(/\.[^.]+$/, ""));
  const report = evaluateReport(file.text, { target: values.get("--target"), actual: values.get("--actual"), tolerance, plan: planId });
  if (!report.ok) {
    process.stderr.write(`${from}: ${bilingual(report.error)}\n`);
    return 1;
  }
  const out = values.get("--report");
  if (out !== undefined) {
    const year = /(?:19|20)\d\d/.exec(report.targetHeader)?.[0] ?? /(?:19|20)\d\d/.exec(report.actualHeader)?.[0] ?? null;
    const book = reportWorkbookPlan(report, { id: planId, source: basename(from), year }, { today: todayVi() });
    const target = resolve(out);
    mkdirSync(dirname(target), { recursive: true });
    await writeWorkbookFile(book.plan, target);
    process.stdout.write(
      `Đã ghi / written: ${target} — ${book.numbers} số thực hiện ghi thành số / actuals written as numbers, ${book.texts.length} giữ nguyên chữ để người xem lại / kept as written for a person to check, ${book.empty} trống / empty\n`,
    );
    for (const t of book.texts) process.stdout.write(`  ${t.code} ${t.name}: “${t.text}”\n`);
    if (!flags.has("--json")) return 0;
  }
  if (flags.has("--json")) {
    const rows = report.rows.map((r) => ({
      id: r.indicator.id,
      code: r.indicator.code,
      name: r.indicator.name,
      unit: r.indicator.unit,
      agency: r.indicator.agency,
      target: r.indicator.target,
      direction: r.indicator.direction,
      actual: r.actualText,
      baseline: r.baseline,
      status: r.judgement.status,
      gap: r.judgement.gap,
      achievement: r.judgement.achievement,
      message: { vi: r.explanation.vi, en: r.explanation.en },
      warning: r.explanation.warning ? { vi: r.explanation.warning.vi, en: r.explanation.warning.en } : null,
      reading: r.reading,
      columns: r.columns,
    }));
    process.stdout.write(JSON.stringify(rows, null, 2) + "\n");
    return 0;
  }
  process.stdout.write(`Kế hoạch: “${report.targetHeader}”; thực hiện: “${report.actualHeader}”${report.baselineHeader ? `; kỳ trước: “${report.baselineHeader}”` : ""}\n`);
  for (const r of report.rows) {
    const name = ("  ".repeat(r.indicator.level) + r.indicator.name).slice(0, 50).padEnd(50);
    process.stdout.write(`${r.indicator.code.padEnd(4)} ${name} ${statusLabel(r.judgement.status).padEnd(18)} ${r.explanation.vi}${r.reading ? ` (${r.reading.vi})` : ""}\n`);
    // The other year and period columns, each as read ("TH năm 2018: 6,61 · TH 6 tháng 2019: ước 3,2 (đọc là …)").
    const others = r.columns.filter((c) => c.text !== "");
    if (others.length > 0) process.stdout.write(`     ${others.map((c) => `${c.header}: ${c.text}${c.reading ? ` (${c.reading.vi})` : c.value === null ? " (không đọc được số / not a number)" : ""}`).join(" · ")}\n`);
  }
  return 0;
}

if (require.main === module) void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
