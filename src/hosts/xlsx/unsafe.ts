/** @file The bounds every reader of an untrusted .xlsx keeps (inflated sizes, Excel's grid), and the error that refuses a package past them. */
import { bilingual, message, type Message, type MessageCode } from "../../i18n/messages";

/** Excel's grid (Excel 2007 and later): 1 048 576 rows × 16 384 columns (A … XFD). */
export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLUMNS = 16_384;

/**
 * How much a package may inflate to. Honest workbooks stay far below: the bench's master of 63 plans × 50
 * indicators with twelve months filled inflates to a few MB per sheet. A part is read whole into one string,
 * so its cap also keeps it well under V8's longest string (2^29 characters); the total bounds a package of
 * many parts. A part's inflating stops at the cap: a 2,5 MB file that would inflate to 2,5 GB costs at most
 * the cap in memory and a fraction of a second.
 */
export interface InflateCaps {
  part: number;
  total: number;
}
export const INFLATE_CAPS: InflateCaps = { part: 128 * 1024 * 1024, total: 384 * 1024 * 1024 };

/**
 * Cells ExcelJS expands one by one when it loads a workbook (each cell of a merged range, each address of a
 * data validation's range): a range as large as the grid would make billions. Two whole columns of Excel.
 */
export const EXPANDED_CELLS = 2 * EXCEL_ROWS;

/** A package refused before it is read: the reason in Vietnamese and English (the caller names the file). */
export interface PackageRefused extends Error {
  name: "PackageRefused";
  detail: Message;
}

export function packageRefused(code: MessageCode, params: Record<string, string | number>): PackageRefused {
  const detail = message(code, params);
  return Object.assign(new Error(bilingual(detail)), { name: "PackageRefused" as const, detail });
}

export function isPackageRefused(e: unknown): e is PackageRefused {
  return e instanceof Error && e.name === "PackageRefused" && "detail" in e;
}

/** Sizes in MB the way staff read them (vi-VN). */
export const mb = (n: number) => (n / 1_048_576).toLocaleString("vi-VN", { maximumFractionDigits: 1 });

/** A running total of inflated bytes, refusing the package once it passes the cap. */
export function inflateBudget(caps: InflateCaps = INFLATE_CAPS): { spend(part: string, bytes: number): void } {
  let used = 0;
  return {
    spend(part, bytes) {
      used += bytes;
      if (used > caps.total) throw packageRefused("package.totalTooLarge", { part, cap: mb(caps.total) });
    },
  };
}
