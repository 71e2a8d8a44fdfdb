import type { Catalog, Plan } from "../model";
import type { ReportRow } from "../evaluate/report";
import type { Appendix } from "../model/plan";
import { applyEntries, type EntryRow } from "./entries";
import { buildWorkbookPlan } from "./workbook";
import type { SheetPlan } from "./plan";

/**
 * A pasted year-end report as a monitoring workbook (`evaluate --report`): its table as an appendix sheet, each
 * row's actual in the input cell, and the report sheet with its sentence, all live formulas. An actual the
 * report reader reads as one plain value goes in as that number ("ước đạt 7,1%" → 7,1; "950 triệu USD" against
 * "tỷ USD" → 0,95); one it reads with a bound, a range or the report's own words ("khoảng 3", "61-62", "vượt
 * 21,6% kế hoạch") goes in as written, so the sheet flags it for a person rather than the tool deciding.
 */
export interface ReportWorkbook {
  plan: SheetPlan;
  /** Rows written as numbers, rows written as the report's text, rows with no actual. */
  numbers: number;
  texts: { code: string; name: string; text: string }[];
  empty: number;
}

export function reportWorkbookPlan(
  report: { rows: ReportRow[]; appendix: Appendix; heading: string | null },
  meta: { id: string; source: string; year: string | null },
  options: { protect?: boolean; today: string },
): ReportWorkbook {
  const plan: Plan = { id: meta.id, province: "", number: "", date: "", title: report.heading ?? meta.id, source: meta.source, appendices: [report.appendix] };
  const catalog: Catalog = { plans: [plan] };
  // The report is of its plan year: the sheet's "số liệu đến" is that year's end (else today).
  const asOf = meta.year ? `31/12/${meta.year}` : options.today;
  const sheets = buildWorkbookPlan(catalog, { asOf, protect: options.protect ?? true });
  const entries: EntryRow[] = [];
  const texts: ReportWorkbook["texts"] = [];
  let numbers = 0;
  let empty = 0;
  for (const row of report.rows) {
    if (row.indicator.target.kind === "composite") continue; // judged from its parts
    const text = row.actualText.trim();
    if (text === "") {
      empty++;
      continue;
    }
    const r = row.read;
    const one = r.readings.length === 1 ? r.readings[0]! : null;
    const plain = one && one.kind === "number" && r.qualifier === null && !r.stated && !r.surplus;
    if (plain) numbers++;
    else texts.push({ code: row.indicator.code, name: row.indicator.name, text });
    entries.push({ line: row.indicator.line, key: row.indicator.id, period: "", value: plain ? one.value : text });
  }
  const applied = applyEntries(sheets, entries);
  return { plan: applied.plan, numbers, texts, empty };
}
