/**
 * @file Text files that are not UTF-8: Vietnamese in Windows-1258, TCVN3 (ABC) and VNI is read and said so;
 * bytes that are neither are refused with the line and byte of the first invalid one, never read as "�".
 */
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeLegacy, decodeVietnamese, firstInvalidUtf8, isVietnameseSyllable, TCVN3_HIGH, VNI_TABLE } from "../../src/parse/legacyEncodings";
import { decodeText, readTextFile } from "../../src/node/input";
import { main } from "../../src/cli/workbook";
import { runCli } from "../helpers/cli";

const dir = mkdtempSync(join(tmpdir(), "im-encodings-"));
const SAMPLE = "Tỷ lệ hộ nghèo đa chiều giảm còn dưới 1,5%; Ủy ban nhân dân tỉnh giao Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với các huyện";
const TONES = new Set(["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]);

/** Text in TCVN3 with our own table, inverted: every character must have a byte (else the sample is not TCVN3). */
function tcvn3(text: string): Buffer {
  const inverse = new Map<string, number>(TCVN3_HIGH.map((cp, k) => [String.fromCodePoint(cp), 0x80 + k]));
  return Buffer.from(
    [...text].map((c) => {
      if (c.charCodeAt(0) < 0x80) return c.charCodeAt(0);
      const b = inverse.get(c);
      if (b === undefined) throw new Error(`no TCVN3 byte for ${c}`);
      return b;
    }),
  );
}

/** Text in Windows-1258: each letter as its base (ă â ê ô ơ ư đ are single bytes) and its tone as a combining byte. */
function cp1258(text: string): Buffer {
  const decoder = new TextDecoder("windows-1258");
  const inverse = new Map<string, number>();
  for (let b = 0; b < 256; b++) inverse.set(decoder.decode(new Uint8Array([b])), b);
  const bytes: number[] = [];
  for (const c of text) {
    const parts = [...c.normalize("NFD")];
    const tones = parts.filter((p) => TONES.has(p));
    const base = parts.filter((p) => !TONES.has(p)).join("").normalize("NFC");
    for (const ch of [base, ...tones]) {
      const b = inverse.get(ch);
      if (b === undefined) throw new Error(`no Windows-1258 byte for ${ch}`);
      bytes.push(b);
    }
  }
  return Buffer.from(bytes);
}

/** Text in VNI-Windows with our own table, inverted, its Latin-1 marks as Windows-1252 bytes. */
function vni(text: string): Buffer {
  const inverse = new Map([...VNI_TABLE].map(([k, v]) => [v, k]));
  return Buffer.from([...text].map((c) => inverse.get(c) ?? c).join(""), "latin1");
}

describe("legacy Vietnamese encodings", () => {
  test("TCVN3 and Windows-1258 bytes made by another converter (glibc's iconv) read back to the text", () => {
    // printf '%s' "$T" | iconv -t TCVN5712-1 (and -t WINDOWS-1258), T = "Tỷ lệ hộ nghèo … tỉnh"
    const text = "Tỷ lệ hộ nghèo đa chiều giảm còn dưới 1,5%; Ủy ban nhân dân tỉnh";
    const t = "54fb206cd62068e9206e6768cc6f20ae6120636869d275206769b66d2063df6e2064aded6920312c35253b209e792062616e206e68a96e2064a96e2074d86e68";
    const w = "5479d2206ceaf22068f4f2206e6768e86f20f06120636869eacc7520676961d26d20636fcc6e2064fdf5ec6920312c35253b2055d2792062616e206e68e26e2064e26e207469d26e68";
    expect(decodeVietnamese(Buffer.from(t, "hex"))).toEqual({ ok: true, text, encoding: "TCVN3", words: 13 });
    expect(decodeVietnamese(Buffer.from(w, "hex"))).toEqual({ ok: true, text, encoding: "Windows-1258", words: 13 });
  });

  test.each([
    ["TCVN3", tcvn3],
    ["Windows-1258", cp1258],
    ["VNI", vni],
  ] as const)("%s: a table encoded with our mapping is detected and read exactly", (encoding, encode) => {
    const bytes = encode(`STT\tChỉ tiêu\tĐVT\n1\t${SAMPLE}\t%\n`);
    expect(firstInvalidUtf8(bytes)).toBeGreaterThanOrEqual(0);
    const read = decodeVietnamese(bytes);
    expect(read).toMatchObject({ ok: true, encoding, text: `STT\tChỉ tiêu\tĐVT\n1\t${SAMPLE}\t%\n` });
    // Each other reading is worse Vietnamese: that is what decided.
    for (const other of (["TCVN3", "Windows-1258", "VNI"] as const).filter((e) => e !== encoding)) expect(decodeLegacy(bytes, other)).not.toBe(`STT\tChỉ tiêu\tĐVT\n1\t${SAMPLE}\t%\n`);
  });

  test("every Vietnamese letter with every tone survives TCVN3 lowercase and Windows-1258 and VNI both cases", () => {
    const vowels = "aăâeêioôơuưy";
    const letters = [...vowels].flatMap((v) => ["", ...TONES].map((t) => (v + t).normalize("NFC")));
    const lower = `${letters.join(" ")} đ`;
    expect(decodeLegacy(tcvn3(lower), "TCVN3")).toBe(lower);
    for (const text of [lower, lower.toUpperCase()]) {
      expect(decodeLegacy(cp1258(text), "Windows-1258")).toBe(text);
      expect(decodeLegacy(vni(text), "VNI")).toBe(text);
    }
  });

  test("syllables: well-formed ones count, gibberish from a wrong reading does not", () => {
    for (const w of ["nghèo", "giảm", "tỉnh", "thương", "quốc", "khuyến", "người", "được", "chuyển", "ương"]) expect([w, isVietnameseSyllable(w)]).toEqual([w, true]);
    for (const w of ["lö", "tû", "tæ", "viờũt", "chiåu", "ngheøo", "giaûm"]) expect([w, isVietnameseSyllable(w)]).toEqual([w, false]);
  });
});

describe("invalid UTF-8 is refused with its line and byte", () => {
  test("a stray byte: the line and the byte within it, as a file's reader counts them", () => {
    const bytes = Buffer.concat([Buffer.from("STT\tChỉ tiêu\n1\tTỷ lệ "), Buffer.from([0xc3, 0x28]), Buffer.from(" hộ\n")]);
    expect(decodeVietnamese(bytes)).toEqual({ ok: false, offset: 28, line: 2, column: 13, byte: 0xc3 });
  });

  test("overlong forms, surrogates and truncated sequences are invalid; real UTF-8 of every width is valid", () => {
    expect(firstInvalidUtf8(Buffer.from("aé€😀"))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0xaf]))).toBe(1); // overlong "/"
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // a UTF-16 surrogate
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xe1, 0xbb]))).toBe(2); // cut short at the end
    expect(firstInvalidUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // past U+10FFFF
  });

  test("Latin-1 text that is not Vietnamese is refused, not guessed", () => {
    const read = decodeVietnamese(Buffer.from("Résumé of the café's naïve menu\n", "latin1"));
    expect(read).toMatchObject({ ok: false, line: 1, column: 2, byte: 0xe9 });
    expect(decodeText(Buffer.from("Résumé\n", "latin1"))).toBeNull();
  });

  test("the CLI: --from with invalid UTF-8 names the file, the line and the byte, and writes nothing", async () => {
    const file = join(dir, "broken.tsv");
    writeFileSync(file, Buffer.concat([Buffer.from("STT\tChỉ tiêu\tĐVT\tKH năm 2025\n1\tT"), Buffer.from([0xff, 0xfe, 0x6c]), Buffer.from("\t%\t≥ 80\n")]));
    const out = join(dir, "broken.xlsx");
    const r = await runCli(main, ["--from", file, "--out", out, "--as-of", "31/12/2025"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${file}: không phải văn bản UTF-8 — byte 0xFF không hợp lệ ở dòng 2, byte thứ 4 của dòng`);
    expect(r.err).toContain("the byte 0xFF is invalid at line 2, byte 4 of the line");
    expect(r.err).not.toContain("\uFFFD");
    expect(existsSync(out)).toBe(false);
  });

  test("the CLI: a TCVN3 table is read, and the notice says in which encoding", async () => {
    const file = join(dir, "tcvn3.tsv");
    const table = ["UBND TỈNH THỬ", "PHỤ LỤC CHỈ TIÊU", "", "STT\tChỉ tiêu\tĐVT\tKH năm 2025\tCơ quan chủ trì", "1\tTỷ lệ hộ nghèo đa chiều\t%\t< 1,5\tSở Lao động - Thương binh và Xã hội", ""].join("\n");
    // TCVN3's capitals with tones are the font's business (.VnTimeH): the file holds them as lowercase letters.
    writeFileSync(file, tcvn3(table.replace("UBND TỈNH THỬ", "UBND tỉnh thử").replace("PHỤ LỤC CHỈ TIÊU", "Phụ lục chỉ tiêu")));
    const said: string[] = [];
    const read = readTextFile(file, (line) => said.push(line));
    expect(read.ok && read.text.split("\n")[4]).toBe("1\tTỷ lệ hộ nghèo đa chiều\t%\t< 1,5\tSở Lao động - Thương binh và Xã hội");
    expect(said).toHaveLength(1);
    expect(said[0]).toContain("đã đọc theo bảng mã tiếng Việt cũ TCVN3");
    expect(said[0]).toContain("read in the legacy Vietnamese encoding TCVN3");
    const r = await runCli(main, ["--from", file, "--out", join(dir, "tcvn3.xlsx"), "--as-of", "31/12/2025"]);
    expect(r.code).toBe(0);
    expect(r.err).toContain("TCVN3");
    expect(r.out).toContain("1 chỉ tiêu / indicators");
  });
});
