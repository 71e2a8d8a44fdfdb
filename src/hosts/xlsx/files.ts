import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import type { Catalog } from "../../model";
import type { SheetPlan } from "../../sheets/plan";
import { readExisting, type WorkbookSnapshot } from "../../sheets/existing";
import { refreshWorkbook, type Refresh, type RefreshOptions } from "../../sheets/merge";
import { writeFileAtomic, writeFileAtomicStream } from "../../node/files";
import { writePlanPackage } from "./planWriter";
import { crc32, type Deflater } from "./zip";
import { deflateRawSync, crc32 as zlibCrc32 } from "node:zlib";
import { normalizePackage } from "./package";
import { snapshotOfFile } from "./snapshot";
import { workbookBytes, writeInto } from "./write";
import { readEntries } from "./read";
import type { Entries } from "../../sheets/indicatorSheet";
import type { ReturnedForm } from "../../sheets/collect";
import { savedSerial } from "./properties";
import { fastSnapshot, zlibInflate } from "./fastRead";
import { basename } from "node:path";
import { macroEvidence, refuseMacroForm } from "./macros";

/**
 * Workbook files on disk, for the CLI and the tests: read whatever writer saved them (package.ts makes other
 * writers' packages readable), and written whole or not at all (writeFileAtomic: beside the target, flushed,
 * renamed over it), so a refresh killed half-way leaves the old workbook as it was.
 */
async function packageBytes(file: string): Promise<{ bytes: Uint8Array; rewritten: string[] }> {
  return normalizePackage(readFileSync(file), zlibInflate);
}

export async function readWorkbookFile(file: string): Promise<ExcelJS.Workbook> {
  const { bytes } = await packageBytes(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** What staff entered in a workbook file, by stable id. */
export async function readEntriesFile(file: string): Promise<Entries> {
  return readEntries(await readWorkbookFile(file));
}

/** The snapshot of a file for a refresh, streamed from the file itself where its package needs no rewriting. */
export async function snapshotOfWorkbookFile(file: string): Promise<WorkbookSnapshot> {
  return snapshotOfBytes(readFileSync(file), file);
}

/** Read by the fast reader where it can read the package exactly, else streamed through ExcelJS. */
async function snapshotOfBytes(raw: Uint8Array, file?: string): Promise<WorkbookSnapshot> {
  const fast = fastSnapshot(raw);
  if (fast) return fast;
  const { bytes, rewritten } = await normalizePackage(raw, zlibInflate);
  return snapshotOfFile(rewritten.length === 0 && file ? file : Readable.from([Buffer.from(bytes)]));
}

/** Plans the refresh of a file: nothing is written. */
export async function planFileRefresh(file: string, catalog: Catalog, options: RefreshOptions): Promise<Refresh> {
  return refreshWorkbook(catalog, readExisting(await snapshotOfWorkbookFile(file)), options);
}

/** Writes a workbook whole or not at all; with the plan it holds, what ExcelJS cannot write is added (column page breaks). */
export async function writeWorkbook(wb: ExcelJS.Workbook, file: string, plan: SheetPlan | null = null): Promise<void> {
  writeFileAtomic(file, await workbookBytes(wb, plan));
}

/** A whole plan, streamed to the file part by part (planWriter.ts), whole or not at all. */
export async function writeWorkbookFile(plan: SheetPlan, file: string): Promise<void> {
  await writeFileAtomicStream(file, (put) => writePlanPackage(plan, put, zlibDeflater));
}

/**
 * Raw deflate and CRC-32 from Node's zlib. Level 1: four times faster than the default 6 on sheet XML, for a
 * file about a quarter larger — the large workbook's write is mostly compression otherwise.
 */
export const zlibDeflater: Deflater = {
  deflate: (bytes) => deflateRawSync(bytes, { level: 1 }),
  crc32: (bytes) => (typeof zlibCrc32 === "function" ? zlibCrc32(bytes) : crc32(bytes)),
};

/**
 * Writes a planned refresh. When every sheet of the old file is the add-in's, the new file is written from the
 * plan alone; otherwise the old workbook is loaded and only the add-in's sheets are replaced, so staff's own
 * sheets survive as they are.
 */
export async function writeFileRefresh(input: string, out: string, refresh: Refresh): Promise<void> {
  if (refresh.keep.length === 0) return writeWorkbookFile(refresh.plan, out);
  const wb = await readWorkbookFile(input);
  writeInto(wb, refresh.plan, refresh.replace);
  await writeWorkbook(wb, out, refresh.plan);
}

/** A returned form read as data, with the time staff last saved it (the date it was filled). */
export async function readFormFile(file: string): Promise<ReturnedForm> {
  const raw = readFileSync(file);
  refuseMacroForm(macroEvidence(raw, zlibInflate));
  return { file: basename(file), existing: readExisting(await snapshotOfBytes(raw, file)), saved: await savedSerial(raw) };
}

/** What marks a workbook file as macro-enabled (an .xlsm renamed .xlsx), or null; null too for a file that cannot be read (its reader says why). */
export function macroEvidenceOfFile(file: string): string | null {
  try {
    return macroEvidence(readFileSync(file), zlibInflate);
  } catch {
    return null;
  }
}
