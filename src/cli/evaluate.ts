import { evaluateReport } from "../evaluate/report";
import { statusLabel } from "../evaluate/vocabulary";
import { bilingual } from "../i18n/messages";
import { readTextFile } from "../node/input";
import { parseCommand } from "./args";

/**
 * npm run -s evaluate -- --from FILE [--json] [--target COL] [--actual COL] [--tolerance 0.05]
 * Judges every row of a year-end report table: indicator, target, actual, status, gap, achievement, message.
 */
const USAGE = "npm run -s evaluate -- --from FILE.tsv [--json] [--target COL] [--actual COL] [--tolerance 0.05]";

export function main(argv: string[]): number {
  const command = parseCommand(argv, { flags: ["--json"], values: ["--from", "--target", "--actual", "--tolerance"] }, USAGE);
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
  const report = evaluateReport(file.text, { target: values.get("--target"), actual: values.get("--actual"), tolerance });
  if (!report.ok) {
    process.stderr.write(`${from}: ${bilingual(report.error)}\n`);
    return 1;
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
    }));
    process.stdout.write(JSON.stringify(rows, null, 2) + "\n");
    return 0;
  }
  process.stdout.write(`Kế hoạch: “${report.targetHeader}”; thực hiện: “${report.actualHeader}”${report.baselineHeader ? `; kỳ trước: “${report.baselineHeader}”` : ""}\n`);
  for (const r of report.rows) {
    const name = ("  ".repeat(r.indicator.level) + r.indicator.name).slice(0, 50).padEnd(50);
    process.stdout.write(`${r.indicator.code.padEnd(4)} ${name} ${statusLabel(r.judgement.status).padEnd(18)} ${r.explanation.vi}${r.reading ? ` (${r.reading.vi})` : ""}\n`);
  }
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
