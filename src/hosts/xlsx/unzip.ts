/** @file A zip package's entries read from its central directory (PKWARE APPNOTE 6.3, zip64 sizes included), each checked before a byte is inflated. */
import { EXCEL_ROWS, INFLATE_CAPS, isPackageRefused, mb, packageRefused, type InflateCaps, type PackageRefused } from "./unsafe";

export interface ZipEntry {
  name: string;
  method: number;
  compressed: number;
  /** The uncompressed size the package declares (a liar's is caught when it inflates). */
  size: number;
  offset: number;
}

/** Inflates raw deflate data, stopping with a RangeError (or any error) once more than `cap` bytes come out. */
export type Inflate = (data: Uint8Array, cap: number) => Uint8Array | Promise<Uint8Array>;

const ZIP64 = 0xffffffff;

/** The zip64 extended information extra field (ID 1): the 8-byte values whose 4-byte fields hold 0xFFFFFFFF. */
function zip64Values(view: DataView, at: number, length: number, wanted: number): number[] | null {
  const end = at + length;
  while (at + 4 <= end) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 1) {
      const out: number[] = [];
      for (let k = 0; k < wanted && 8 * (k + 1) <= size; k++) out.push(Number(view.getBigUint64(at + 4 + 8 * k, true)));
      return out.length === wanted ? out : null;
    }
    at += 4 + size;
  }
  return null;
}

/**
 * The entries of a zip, or null where the bytes are no zip (the caller's reader then says so in its words).
 * Names lose a leading "/" and use "/" (some writers write "\\").
 */
export function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  let count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if ((count === 0xffff || at === ZIP64) && end >= 20 && view.getUint32(end - 20, true) === 0x07064b50) {
    const record = Number(view.getBigUint64(end - 12, true));
    if (record + 56 > bytes.length || view.getUint32(record, true) !== 0x06064b50) return null;
    count = Number(view.getBigUint64(record + 32, true));
    at = Number(view.getBigUint64(record + 48, true));
  }
  const decoder = new TextDecoder();
  const out = new Map<string, ZipEntry>();
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const method = view.getUint16(at + 10, true);
    let compressed = view.getUint32(at + 20, true);
    let size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    let offset = view.getUint32(at + 42, true);
    if (size === ZIP64 || compressed === ZIP64 || offset === ZIP64) {
      const wanted = [size, compressed, offset].filter((v) => v === ZIP64).length;
      const values = zip64Values(view, at + 46 + nameLength, extra, wanted);
      if (!values) return null;
      if (size === ZIP64) size = values.shift()!;
      if (compressed === ZIP64) compressed = values.shift()!;
      if (offset === ZIP64) offset = values.shift()!;
    }
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)).replace(/\\/g, "/").replace(/^\/+/, "");
    out.set(name, { name, method, compressed, size, offset });
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

/** The compressed bytes of an entry, or null where its local header is not where the directory says. */
export function entryData(bytes: Uint8Array, e: ZipEntry): Uint8Array | null {
  if (e.offset + 30 > bytes.length) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(e.offset, true) !== 0x04034b50) return null;
  const start = e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
  if (start + e.compressed > bytes.length) return null;
  return bytes.subarray(start, start + e.compressed);
}

/** Refuses an entry whose declared size is past the cap, or whose compression this reader does not know. */
export function checkEntry(e: ZipEntry, caps: InflateCaps = INFLATE_CAPS): void {
  if (e.method !== 0 && e.method !== 8) throw packageRefused("package.method", { part: e.name, method: e.method });
  if (e.size > caps.part) throw packageRefused("package.partTooLarge", { part: e.name, cap: mb(caps.part) });
}

/**
 * An entry's bytes, inflated with the cap: declared and actual sizes both checked, stopping as soon as the
 * output passes the cap — never the whole bomb in memory. (Sync with Node's zlib; async with the browser's.)
 */
export function inflateEntrySync(bytes: Uint8Array, e: ZipEntry, inflate: (data: Uint8Array, cap: number) => Uint8Array, caps: InflateCaps = INFLATE_CAPS): Uint8Array {
  const data = compressedData(bytes, e, caps);
  if (e.method === 0) return checked(e, data, caps);
  try {
    return checked(e, inflate(data, caps.part), caps);
  } catch (err) {
    throw refusal(e, err, caps);
  }
}

export async function inflateEntry(bytes: Uint8Array, e: ZipEntry, inflate: Inflate, caps: InflateCaps = INFLATE_CAPS): Promise<Uint8Array> {
  const data = compressedData(bytes, e, caps);
  if (e.method === 0) return checked(e, data, caps);
  try {
    return checked(e, await inflate(data, caps.part), caps);
  } catch (err) {
    throw refusal(e, err, caps);
  }
}

function compressedData(bytes: Uint8Array, e: ZipEntry, caps: InflateCaps): Uint8Array {
  checkEntry(e, caps);
  const data = entryData(bytes, e);
  if (!data) throw packageRefused("package.damaged", { part: e.name });
  return data;
}

function checked(e: ZipEntry, out: Uint8Array, caps: InflateCaps): Uint8Array {
  if (out.length > caps.part) throw packageRefused("package.partTooLarge", { part: e.name, cap: mb(caps.part) });
  if (out.length !== e.size) throw packageRefused("package.sizeMismatch", { part: e.name, declared: e.size, actual: out.length });
  return out;
}

function refusal(e: ZipEntry, err: unknown, caps: InflateCaps): PackageRefused {
  if (isPackageRefused(err)) return err;
  if (isCapError(err)) return packageRefused("package.partTooLarge", { part: e.name, cap: mb(caps.part) });
  return packageRefused("package.damaged", { part: e.name });
}

/** Node's zlib stops with ERR_BUFFER_TOO_LARGE (a RangeError); the browser's inflater below with an "InflateCapError". */
function isCapError(err: unknown): boolean {
  return err instanceof RangeError || (err as Error)?.name === "InflateCapError" || (err as { code?: string })?.code === "ERR_BUFFER_TOO_LARGE";
}

/** Raw inflate with the platform's DecompressionStream (browsers; Node 20.12 and later), chunk by chunk, stopping at the cap. */
export const streamInflate: Inflate = async (data, cap) => {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream("deflate-raw" as CompressionFormat));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > cap) {
      await reader.cancel();
      throw Object.assign(new Error(`over ${cap} bytes`), { name: "InflateCapError" });
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
};

/** "B12" → { row: 12, col: 2 }; null where the text is no cell reference or lies past Excel's grid. */
export function cellRef(ref: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  if (ref.charCodeAt(0) === 36) i++; // "$B$12" in ranges
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + c - 64;
    else if (c >= 97 && c <= 122) col = col * 26 + c - 96;
    else break;
    if (col > 16_384) return null;
  }
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  const digits = i;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    row = row * 10 + c - 48;
    if (row > EXCEL_ROWS) return null;
  }
  if (col === 0 && i === digits) return null;
  return { row, col };
}
