/**
 * @file Dates as staff read and type them: dd/mm/yyyy (31/12/2025; 1/2/2025, 31-12-2025 and 31.12.2025 are
 * read too), to and from the Excel date serial the sheets hold — never the browser's own date format.
 */
import { excelSerial, isoOfSerial } from "../evaluate/taskStatus";

/** The serial of a typed dd/mm/yyyy date, or null when it is not a day of the calendar. */
export function parseViDate(text: string): number | null {
  const m = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d || y < 1900) return null;
  return excelSerial(`${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
}

/** dd/mm/yyyy of an Excel date serial. */
export function viDateOfSerial(serial: number): string {
  return viDateOfIso(isoOfSerial(serial));
}

/** dd/mm/yyyy of yyyy-mm-dd. */
export function viDateOfIso(iso: string): string {
  return iso.split("-").reverse().join("/");
}
