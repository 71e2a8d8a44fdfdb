/**
 * @file Whether a package is a macro-enabled workbook (an .xlsm, perhaps renamed .xlsx): its [Content_Types].xml
 * names the macro-enabled main part (ECMA-376 / MS-OFFCRYPTO: `application/vnd.ms-excel.sheet.macroEnabled.main+xml`)
 * or it holds a VBA project (`xl/vbaProject.bin`). A returned form that is one is refused; a master that is one is
 * not written back as .xlsx, which would drop its macros.
 */
import { inflateEntry, inflateEntrySync, zipEntries, type Inflate, type ZipEntry } from "./unzip";
import { isPackageRefused, packageRefused, type PackageRefused } from "./unsafe";

const MACRO_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
/** [Content_Types].xml is a few KB; a larger one is not read for this (the reader's own caps apply later). */
const CAPS = { part: 1024 * 1024, total: 1024 * 1024 };

/** What marks the package as macro-enabled (the part or content type, to name in a message), or null. */
export function macroEvidence(bytes: Uint8Array, inflate: (data: Uint8Array, cap: number) => Uint8Array): string | null {
  return evidence(bytes, (entry) => inflateEntrySync(bytes, entry, inflate, CAPS));
}

/** The same with an async inflater (the browser's DecompressionStream). */
export async function macroEvidenceAsync(bytes: Uint8Array, inflate: Inflate): Promise<string | null> {
  const entries = zipEntries(bytes);
  const vba = entries && [...entries.keys()].find(isVba);
  if (!entries || vba) return vba ?? null;
  const types = entries.get("[Content_Types].xml");
  if (!types) return null;
  let xml: Uint8Array;
  try {
    xml = await inflateEntry(bytes, types, inflate, CAPS);
  } catch (e) {
    if (isPackageRefused(e)) return null;
    throw e;
  }
  return namesMacroMain(xml);
}

/** Throws the refusal of a macro-enabled returned form (the caller names the file). */
export function refuseMacroForm(evidence: string | null): void {
  if (evidence) throw macroRefused(evidence);
}

export function macroRefused(evidence: string): PackageRefused {
  return packageRefused("package.macro", { evidence });
}

const isVba = (name: string) => /^xl\/vbaProject\.bin$/i.test(name);

function evidence(bytes: Uint8Array, read: (entry: ZipEntry) => Uint8Array): string | null {
  const entries = zipEntries(bytes);
  if (!entries) return null;
  const vba = [...entries.keys()].find(isVba);
  if (vba) return vba;
  const types = entries.get("[Content_Types].xml");
  if (!types) return null;
  try {
    return namesMacroMain(read(types));
  } catch (e) {
    if (isPackageRefused(e)) return null; // the package's own reader says what is wrong with it
    throw e;
  }
}

function namesMacroMain(xml: Uint8Array): string | null {
  return new TextDecoder().decode(xml).toLowerCase().includes(MACRO_MAIN.toLowerCase()) ? `[Content_Types].xml: ${MACRO_MAIN}` : null;
}
