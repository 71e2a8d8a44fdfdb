import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readExisting } from "../../sheets/existing";
import type { ReturnedForm } from "../../sheets/collect";
import type { SheetPlan } from "../../sheets/plan";
import { normalizePackage } from "./package";
import { savedSerial } from "./properties";
import { snapshotOf } from "./snapshot";
import { planBytes } from "./planWriter";
import { macroEvidenceAsync, refuseMacroForm } from "./macros";
import { streamInflate } from "./unzip";

/**
 * Agencies' forms as files, in the browser as on disk (no file system here): a returned form read from its
 * bytes — whatever program saved it — with the time it was last saved; and split forms as one .xlsx each or all
 * in one .zip. The pane loads this module lazily, with ExcelJS. A returned form is untrusted: normalizePackage
 * checks it against the bounds of guard.ts (inflated sizes, Excel's grid) before JSZip or ExcelJS reads a byte,
 * and a refusal names the part and the reason.
 */
export async function readFormBytes(file: string, raw: Uint8Array): Promise<ReturnedForm> {
  refuseMacroForm(await macroEvidenceAsync(raw, streamInflate));
  const { bytes } = await normalizePackage(raw);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return { file, existing: readExisting(snapshotOf(wb)), saved: await savedSerial(raw) };
}

export async function formBytes(plan: SheetPlan): Promise<ArrayBuffer> {
  return planBytes(plan);
}

/** Every form in one .zip, under its readable file name. */
export async function formsZip(forms: { file: string; plan: SheetPlan }[]): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const f of forms) zip.file(f.file, await planBytes(f.plan));
  return zip.generateAsync({ type: "uint8array", compression: "STORE" });
}
