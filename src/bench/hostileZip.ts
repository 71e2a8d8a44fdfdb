/** @file Hostile variants of a real .xlsx, for the fault suite (test/faults/hostileForms.test.ts) and the bench (hostileCollect.ts): its parts read, one part rewritten, the zip written again by hand (declared sizes as a forger chooses them). */
import { crc32, createDeflateRaw, deflateRawSync, inflateRawSync } from "node:zlib";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { zipEntries } from "../hosts/xlsx/unzip";

export interface Part {
  name: string;
  /** The part's content, deflated here; or `raw`: deflate data given as it is, with `declared` as its size. */
  data?: Uint8Array;
  raw?: Uint8Array;
  declared?: number;
}

/** The parts of a zip in their order, inflated. */
export function partsOf(bytes: Uint8Array): Part[] {
  const entries = zipEntries(bytes)!;
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return [...entries.values()].map((e) => {
    const start = e.offset + 30 + view.readUInt16LE(e.offset + 26) + view.readUInt16LE(e.offset + 28);
    const data = view.subarray(start, start + e.compressed);
    return { name: e.name, data: e.method === 8 ? inflateRawSync(data) : Buffer.from(data) };
  });
}

/** A zip of these parts (deflate, names in UTF-8), each declared with its real size unless `declared` says otherwise. */
export function zipOf(parts: Part[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const packed = p.raw ? Buffer.from(p.raw) : deflateRawSync(p.data!);
    const size = p.declared ?? p.data!.length;
    const crc = p.data ? crc32(p.data) : 0;
    const name = Buffer.from(p.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, name, packed);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(packed.length, 20);
    c.writeUInt32LE(size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + packed.length;
  }
  const size = central.reduce((k, b) => k + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}

/** The same package with one part's text changed. */
export function withPart(bytes: Uint8Array, name: string, change: (xml: string) => string): Buffer {
  return zipOf(partsOf(bytes).map((p) => (p.name === name ? { name, data: Buffer.from(change(Buffer.from(p.data!).toString("utf8")), "utf8") } : p)));
}

/**
 * A decompression bomb in place of one part: its XML opened, then `blanks` spaces, deflated at level 9 (about
 * a thousandth of their size, streamed: the blanks are never in memory whole), declared with the part's honest
 * size — the lie JSZip would find only after inflating all of it.
 */
export async function withBomb(bytes: Uint8Array, name: string, blanks: number): Promise<Buffer> {
  const parts = partsOf(bytes);
  const at = parts.findIndex((p) => p.name === name);
  const xml = Buffer.from(parts[at]!.data!).toString("utf8");
  const open = xml.indexOf("<sheetData>") + "<sheetData>".length;
  const block = Buffer.alloc(1 << 20, 0x20);
  async function* content() {
    yield Buffer.from(xml.slice(0, open));
    for (let left = blanks; left > 0; left -= block.length) yield left >= block.length ? block : block.subarray(0, left);
    yield Buffer.from(xml.slice(open));
  }
  const out: Buffer[] = [];
  const deflate = createDeflateRaw({ level: 9 });
  deflate.on("data", (chunk: Buffer) => out.push(chunk));
  await pipeline(Readable.from(content()), deflate);
  parts[at] = { name, raw: Buffer.concat(out), declared: parts[at]!.data!.length };
  return zipOf(parts);
}
