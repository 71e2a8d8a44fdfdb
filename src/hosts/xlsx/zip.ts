/**
 * A zip container (PKWARE APPNOTE 6.3: local file headers, the central directory, the end record; names in
 * UTF-8, general-purpose bit 11), written entry by entry as each part is ready, so that a large workbook never
 * sits whole in memory. Compression is given by the caller — zlib in Node, CompressionStream in the browser — as
 * raw deflate (method 8), with the CRC-32 of the uncompressed bytes.
 */
export interface Deflater {
  deflate(bytes: Uint8Array): Promise<Uint8Array> | Uint8Array;
  crc32(bytes: Uint8Array): number;
}

export type Sink = (chunk: Uint8Array) => void | Promise<void>;

interface Entry {
  name: Uint8Array;
  crc: number;
  size: number;
  compressed: number;
  offset: number;
}

let table: Uint32Array | null = null;

/** CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), table-driven. */
export function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = table[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Raw deflate with the platform's CompressionStream (browsers; Node 20.12 and later). */
export const streamDeflater: Deflater = {
  deflate: async (bytes) => {
    const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream("deflate-raw" as CompressionFormat));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  },
  crc32,
};

function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: (Math.max(d.getFullYear() - 1980, 0) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

export interface ZipWriter {
  /** Adds one entry: text is written as UTF-8. */
  add(name: string, content: string | Uint8Array): Promise<void>;
  /** Writes the central directory and the end record. */
  finish(): Promise<void>;
}

export function zipWriter(sink: Sink, deflater: Deflater, when = new Date()): ZipWriter {
  const entries: Entry[] = [];
  let offset = 0;
  const stamp = dosTime(when);
  const encoder = new TextEncoder();
  const emit = async (chunk: Uint8Array) => {
    await sink(chunk);
    offset += chunk.length;
  };
  return {
    add: async (name, content) => {
      const data = typeof content === "string" ? encoder.encode(content) : content;
      const crc = deflater.crc32(data);
      const packed = await deflater.deflate(data);
      const nameBytes = encoder.encode(name);
      const header = new DataView(new ArrayBuffer(30));
      header.setUint32(0, 0x04034b50, true);
      header.setUint16(4, 20, true);
      header.setUint16(6, 0x0800, true);
      header.setUint16(8, 8, true);
      header.setUint16(10, stamp.time, true);
      header.setUint16(12, stamp.date, true);
      header.setUint32(14, crc, true);
      header.setUint32(18, packed.length, true);
      header.setUint32(22, data.length, true);
      header.setUint16(26, nameBytes.length, true);
      header.setUint16(28, 0, true);
      const at = offset;
      await emit(new Uint8Array(header.buffer));
      await emit(nameBytes);
      await emit(packed);
      entries.push({ name: nameBytes, crc, size: data.length, compressed: packed.length, offset: at });
    },
    finish: async () => {
      const start = offset;
      for (const e of entries) {
        const h = new DataView(new ArrayBuffer(46));
        h.setUint32(0, 0x02014b50, true);
        h.setUint16(4, 20, true);
        h.setUint16(6, 20, true);
        h.setUint16(8, 0x0800, true);
        h.setUint16(10, 8, true);
        h.setUint16(12, stamp.time, true);
        h.setUint16(14, stamp.date, true);
        h.setUint32(16, e.crc, true);
        h.setUint32(20, e.compressed, true);
        h.setUint32(24, e.size, true);
        h.setUint16(28, e.name.length, true);
        h.setUint32(42, e.offset, true);
        await emit(new Uint8Array(h.buffer));
        await emit(e.name);
      }
      const end = new DataView(new ArrayBuffer(22));
      end.setUint32(0, 0x06054b50, true);
      end.setUint16(8, entries.length, true);
      end.setUint16(10, entries.length, true);
      end.setUint32(12, offset - start, true);
      end.setUint32(16, start, true);
      await emit(new Uint8Array(end.buffer));
    },
  };
}
