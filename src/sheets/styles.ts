import type { StyleSpec } from "./plan";
import { STATUS_VOCABULARY } from "../evaluate/vocabulary";
import type { Status } from "../model/status";
import { TASK_STATUSES, TASK_STATUS_LABELS } from "../evaluate/taskStatus";

/** The named styles of every sheet; hosts translate them into their own formats. */
export const INPUT_FILL = "FFF2CC";

function statusStyles(prefix: string, extra: StyleSpec): Record<string, StyleSpec> {
  return Object.fromEntries(
    (Object.keys(STATUS_VOCABULARY) as Status[]).map((s) => [`${prefix}${s}`, { ...extra, fill: STATUS_VOCABULARY[s].fill, font: STATUS_VOCABULARY[s].font }]),
  );
}

export const STYLES: Record<string, StyleSpec> = {
  title: { bold: true, size: 14, font: "1F3864" },
  subtitle: { italic: true, size: 10, font: "404040", wrap: false },
  subtitleWrap: { italic: true, size: 10, font: "404040", wrap: true, vAlign: "top" },
  legendLabel: { italic: true, size: 9, font: "595959", hAlign: "right", vAlign: "middle" },
  note: { italic: true, size: 9, font: "595959" },
  // A wide table's title block, wrapped over the columns each printed page repeats (indicatorSheet.ts).
  titleWrap: { bold: true, size: 14, font: "1F3864", wrap: true, vAlign: "top" },
  noteWrap: { italic: true, size: 9, font: "595959", wrap: true, vAlign: "top" },
  header: { bold: true, size: 10, fill: "1F4E78", font: "FFFFFF", wrap: true, hAlign: "center", vAlign: "middle", border: true },
  section: { bold: true, size: 10, fill: "DDEBF7", border: true, wrap: true },
  text: { size: 10, wrap: true, vAlign: "top", border: true },
  name0: { size: 10, wrap: true, vAlign: "top", border: true, bold: true },
  name1: { size: 10, wrap: true, vAlign: "top", border: true, indent: 2 },
  name2: { size: 10, wrap: true, vAlign: "top", border: true, indent: 4, italic: true },
  center: { size: 10, hAlign: "center", vAlign: "top", border: true },
  // The unit column wraps: "triệu đồng/người/năm" in a narrow column prints whole.
  unit: { size: 10, hAlign: "center", vAlign: "top", border: true, wrap: true },
  input: { size: 10, fill: INPUT_FILL, border: true, locked: false, vAlign: "top", hAlign: "right" },
  inputText: { size: 10, fill: INPUT_FILL, border: true, locked: false, vAlign: "top", wrap: true },
  status: { size: 10, bold: true, hAlign: "center", vAlign: "top", border: true },
  gap: { size: 10, numFmt: "#,##0.00;-#,##0.00;0", vAlign: "top", border: true },
  percent: { size: 10, numFmt: "0.0%", vAlign: "top", border: true },
  helper: { size: 8, font: "808080" },
  ...statusStyles("legend.", { bold: true, size: 9, hAlign: "center", vAlign: "middle", border: true, wrap: true }),
  ...statusStyles("cf.", {}),
  sumHeader: { bold: true, size: 10, fill: "D9E1F2", border: true, wrap: true, hAlign: "center", vAlign: "middle" },
  sumLabel: { size: 10, border: true, wrap: true, vAlign: "top" },
  sumNumber: { size: 10, border: true, numFmt: "#,##0", hAlign: "center" },
  sumPercent: { size: 10, border: true, numFmt: "0.0%", hAlign: "center", bold: true },
  // The year-end report (reportSheet.ts): its opening sentence, a verdict with its reason, the signature block.
  reportLead: { size: 10, wrap: true, vAlign: "top" },
  reportStatus: { size: 10, bold: true, hAlign: "center", vAlign: "top", border: true, wrap: true },
  reportPercent: { size: 10, border: true, numFmt: "0.0%", hAlign: "center", vAlign: "top", bold: true },
  signDate: { italic: true, size: 11, hAlign: "center" },
  signTitle: { bold: true, size: 11, hAlign: "center" },
  signNote: { italic: true, size: 10, hAlign: "center" },
  retired: { size: 10, italic: true, font: "7F7F7F", wrap: true, vAlign: "top", border: true },
  retiredStatus: { size: 9, italic: true, bold: true, font: "595959", fill: "EDEDED", wrap: true, hAlign: "center", vAlign: "top", border: true },
  changed: { size: 9, italic: true, font: "833C0B", wrap: true, vAlign: "top", border: true },
  changedTarget: { size: 10, wrap: true, vAlign: "top", border: true, fill: "FCE4D6", bold: true },
  sumList: { size: 9, border: true, wrap: true, vAlign: "top", font: "9C0006" },
  date: { size: 10, numFmt: "dd/mm/yyyy", hAlign: "center", vAlign: "top", border: true },
  inputDate: { size: 10, fill: INPUT_FILL, border: true, locked: false, vAlign: "top", hAlign: "center", numFmt: "dd/mm/yyyy" },
  asOfDate: { size: 10, fill: INPUT_FILL, border: true, locked: false, bold: true, hAlign: "left", numFmt: '"Số liệu đến ngày "dd/mm/yyyy' },
  // Task statuses: the status cell (it wraps: "◐ Sắp đến hạn — chưa báo cáo"), the legend and the conditional colours.
  taskStatus: { size: 10, bold: true, hAlign: "center", vAlign: "top", border: true, wrap: true },
  ...Object.fromEntries(TASK_STATUSES.flatMap((s) => [
    [`tlegend.${s}`, { bold: true, size: 9, hAlign: "center", vAlign: "middle", border: true, wrap: true, fill: TASK_STATUS_LABELS[s].fill, font: TASK_STATUS_LABELS[s].font }],
    [`tcf.${s}`, { fill: TASK_STATUS_LABELS[s].fill, font: TASK_STATUS_LABELS[s].font }],
  ])),
};
