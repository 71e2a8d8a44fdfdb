import { unquoteClipboard } from "../parse/clipboard";
import type { Indicator } from "../model/indicator";
import type { Appendix } from "../model/plan";
import { foldText } from "../model/ids";
import { message, type Message } from "../i18n/messages";
import { findTables, type ColumnRole, type TextTable } from "../parse/table";
import { tableToAppendix } from "../parse/appendix";
import { readActual } from "./actual";
import { combineParts, type Judgement } from "./judge";
import { splitSubActuals } from "../parse/subTargets";
import { judgeReportActual, readReportActual, type ReportReading } from "./reportActual";
import { explain, type Explained } from "./explain";

/**
 * A year-end report table ("KH năm 2025", "Ước TH năm 2025", "TH năm 2024" …) judged row by row. Columns are
 * found by their headers, or named by the user; the baseline of a change target is the actual column of the
 * year before, when the table has one.
 */
export interface ReportOptions {
  /** Header (or part of it) of the plan column. */
  target?: string;
  /** Header (or part of it) of the actual column. */
  actual?: string;
  tolerance?: number;
  /** The plan id the report's indicators take (their ids and sheet name); default "BC". */
  plan?: string;
}

export interface ReportRow {
  indicator: Indicator;
  actualText: string;
  baseline: number | null;
  judgement: Judgement;
  explanation: Explained;
  /** How the actual was read, when it was more than a bare value ("đọc là: khoảng; …"). */
  reading: { vi: string; en: string } | null;
  /** The report reader's reading of the actual, for writing it into a workbook (`--report`). */
  read: ReportReading;
  /** The row's other year and period columns (TH năm trước, TH 6 tháng …), each as written and as read. */
  columns: { header: string; text: string; value: number | null; reading: { vi: string; en: string } | null }[];
}

export type ReportResult =
  | { ok: true; rows: ReportRow[]; targetHeader: string; actualHeader: string; baselineHeader: string | null; appendix: Appendix; heading: string | null }
  | { ok: false; error: Message };

function findColumn(table: TextTable, name: string): number {
  const want = foldText(name);
  const exact = table.headers.findIndex((h) => foldText(h) === want);
  return exact >= 0 ? exact : table.headers.findIndex((h) => foldText(h).includes(want));
}

function yearOf(role: ColumnRole | undefined, header: string): number | null {
  const key = role && "key" in role ? role.key : role && "year" in role ? role.year : header;
  const m = /(19|20)\d\d/.exec(String(key ?? ""));
  return m ? Number(m[0]) : null;
}

export function evaluateReport(text: string, options: ReportOptions = {}): ReportResult {
  const table = findTables(unquoteClipboard(text)).find((t) => !t.isTaskTable);
  if (!table) return { ok: false, error: message("input.noHeader") };
  const headers = table.headers.join(" | ");
  let targetCol: number;
  if (options.target !== undefined) {
    targetCol = findColumn(table, options.target);
    if (targetCol < 0) return { ok: false, error: message("report.columnNotFound", { name: options.target, headers }) };
  } else {
    targetCol = table.roles.findIndex((r) => r.role === "target");
    if (targetCol < 0) targetCol = table.roles.map((r) => r.role).lastIndexOf("yearly");
    if (targetCol < 0) return { ok: false, error: message("report.noTargetColumn", { headers }) };
  }
  const targetYear = yearOf(table.roles[targetCol], table.headers[targetCol] ?? "");
  let actualCol: number;
  if (options.actual !== undefined) {
    actualCol = findColumn(table, options.actual);
    if (actualCol < 0) return { ok: false, error: message("report.columnNotFound", { name: options.actual, headers }) };
  } else {
    actualCol = table.roles.map((r) => r.role).lastIndexOf("actual");
    if (actualCol < 0 && targetYear !== null) {
      actualCol = table.roles.findIndex((r, i) => r.role === "history" && yearOf(r, table.headers[i]!) === targetYear);
    }
    if (actualCol < 0) return { ok: false, error: message("report.noActualColumn", { headers }) };
  }
  const actualYear = yearOf(table.roles[actualCol], table.headers[actualCol] ?? "") ?? targetYear;
  const baselineCol =
    actualYear === null
      ? -1
      : table.roles.findIndex((r, i) => i !== actualCol && (r.role === "history" || r.role === "actual") && yearOf(r, table.headers[i]!) === actualYear - 1);

  // Read the indicators with the chosen plan column as the target and nothing else as one.
  const roles: ColumnRole[] = table.roles.map((r, i) =>
    i === targetCol ? { role: "target", year: targetYear === null ? null : String(targetYear) } : r.role === "target" || r.role === "yearly" || r.role === "actual" || r.role === "history" || r.role === "period" ? { role: "other" } : r,
  );
  const appendix = tableToAppendix({ ...table, roles }, { plan: options.plan ?? "BC", id: "1", title: table.preamble.filter((l) => l.trim() !== "").pop() ?? "" });
  const byLine = new Map(table.rows.map((r) => [r.line, r.cells]));
  // A packed row's parts printed in one cell ("< 7,0 <10,0"): the report's values for them ("6,8 9,9") by order.
  const partsOf = new Map<string, Indicator[]>();
  for (const i of appendix.indicators) {
    const parent = i.parentId ? appendix.indicators.find((p) => p.id === i.parentId) : undefined;
    if (parent && parent.target.kind === "composite" && parent.line === i.line) partsOf.set(parent.id, [...(partsOf.get(parent.id) ?? []), i]);
  }
  const partText = new Map<string, string>();
  for (const [parentId, parts] of partsOf) {
    const parent = appendix.indicators.find((p) => p.id === parentId)!;
    const values = splitSubActuals((byLine.get(parent.line) ?? [])[actualCol] ?? "", parts.length);
    parts.forEach((p, k) => partText.set(p.id, values ? values[k]! : ""));
  }
  const judged = new Map<string, Judgement>();
  // Every other column of years and periods, read the same way (shown beside the judged one).
  const otherCols = table.roles.flatMap((r, i) => (i !== actualCol && i !== targetCol && ["history", "actual", "period", "yearly"].includes(r.role) ? [i] : []));
  const rows: ReportRow[] = appendix.indicators.map((indicator) => {
    const cells = byLine.get(indicator.line) ?? [];
    const actualText = partText.get(indicator.id) ?? cells[actualCol] ?? "";
    const base = baselineCol >= 0 ? readActual(cells[baselineCol] ?? "", table.style) : null;
    const baseline = base && base.kind === "number" && !partText.has(indicator.id) ? base.value : null;
    const read = readReportActual(actualText, indicator.unit, table.style, indicator.name);
    const judgement = judgeReportActual(indicator.target, indicator.direction, read, { unit: indicator.unit, baseline, tolerance: options.tolerance });
    judged.set(indicator.id, judgement);
    const columns = otherCols.map((i) => {
      const text = partText.has(indicator.id) ? "" : (cells[i] ?? "").trim();
      const r = readReportActual(text, indicator.unit, table.style, indicator.name);
      const first = r.readings.length === 1 ? r.readings[0]! : null;
      return { header: table.headers[i] ?? "", text, value: first && first.kind === "number" ? first.value : null, reading: r.note };
    });
    return { indicator, actualText, baseline, judgement, explanation: explain(judgement, indicator.target, indicator.unit, actualText, indicator.direction), reading: read.note, read, columns };
  });
  // A packed row: the worst of its parts (combineParts), once they are judged.
  for (const row of rows) {
    const parts = partsOf.get(row.indicator.id);
    if (parts) row.judgement = { ...row.judgement, status: combineParts(parts.map((p) => judged.get(p.id)!)) };
  }
  return {
    ok: true,
    rows,
    targetHeader: table.headers[targetCol] ?? "",
    actualHeader: table.headers[actualCol] ?? "",
    baselineHeader: baselineCol >= 0 ? table.headers[baselineCol] ?? null : null,
    appendix,
    heading: table.preamble.map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#")).pop() ?? null,
  };
}
