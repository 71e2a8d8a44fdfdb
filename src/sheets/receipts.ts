import { dataSheet, type CellValue, type SheetSpec } from "./plan";

/**
 * The forms collected into a master, one row each, on a hidden sheet that every refresh carries over: whose
 * form, for which period, the file it came in, when staff last saved it (the date it was filled), when it was
 * collected and how many entries it brought. The reporting sheet reads the date filled from here.
 */
export const RECEIPTS_SHEET = "_IM_NHANPHIEU";

export interface Receipt {
  agency: string;
  /** "2025-T11"; "2025" for a calendar of whole years. */
  period: string;
  file: string;
  /** When the form was last saved, as an Excel date serial (days since 30/12/1899, with the time); null: unknown. */
  filled: number | null;
  /** "dd/mm/yyyy hh:mm". */
  collected: string;
  /** Entries it brought into the master. */
  entries: number;
  /** When the form was split off ("dd/mm/yyyy hh:mm"), which with the agency and period names the form. */
  exported: string;
}

const HEADERS = ["Cơ quan", "Kỳ", "Tệp", "Ngày lập phiếu", "Ngày tổng hợp", "Số liệu đưa vào", "Ngày tách phiếu"];
const FIRST = 3;

/** The same form (agency, period, split time) saved at the same moment: collected once. */
export function receiptKey(r: Pick<Receipt, "agency" | "period" | "exported" | "filled">): string {
  return [r.agency, r.period, r.exported, r.filled === null ? "" : r.filled.toFixed(6)].join("\u0000");
}

export function receiptsSheet(receipts: Receipt[]): SheetSpec {
  const rows: CellValue[][] = [["Phiếu báo cáo đã tổng hợp"], HEADERS, ...receipts.map((r) => [r.agency, r.period, r.file, r.filled, r.collected, r.entries, r.exported])];
  return dataSheet(
    RECEIPTS_SHEET,
    HEADERS.map((h, k) => ({ key: `c${k}`, header: h, width: k === 0 || k === 2 ? 30 : 14 })),
    // The date filled stays a plain serial (a date format would be read back as a day without its time).
    rows.map((r) => r.map((value) => ({ value }))),
  );
}

export function readReceiptRows(rows: CellValue[][]): Receipt[] {
  const out: Receipt[] = [];
  for (const r of rows.slice(FIRST - 1)) {
    const [agency, period, file, filled, collected, entries, exported] = r;
    if (typeof agency !== "string" || agency === "" || period === null || period === undefined) continue;
    out.push({
      agency,
      period: String(period),
      file: String(file ?? ""),
      filled: typeof filled === "number" ? filled : null,
      collected: String(collected ?? ""),
      entries: typeof entries === "number" ? entries : 0,
      exported: String(exported ?? ""),
    });
  }
  return out;
}
