/**
 * @file Macro-enabled workbooks (an .xlsm renamed .xlsx: a VBA project inside, or the macro-enabled content type)
 * are named as such: refused as returned forms (on disk and in the browser's reader), and as a master they are not
 * written back as .xlsx (which would drop the macros) — a dry run only notes it. The collect's count of refused
 * forms counts forms, whatever the number of reasons, and includes every form that could not be read.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/workbook";
import { describeCollected } from "../../src/cli/cycle";
import { readFormBytes } from "../../src/hosts/xlsx/forms";
import { macroEvidence } from "../../src/hosts/xlsx/macros";
import { zlibInflate } from "../../src/hosts/xlsx/fastRead";
import { isPackageRefused } from "../../src/hosts/xlsx/unsafe";
import { partsOf, withPart, zipOf } from "../../src/bench/hostileZip";
import { runCli } from "../helpers/cli";

const AS_OF = "15/11/2025";
const MACRO_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
const dir = mkdtempSync(join(tmpdir(), "im-macro-"));
const master = join(dir, "master.xlsx");
let form = "";

jest.setTimeout(120_000);

/** A VBA project added to a package, as Excel saves an .xlsm. */
const withVba = (bytes: Uint8Array) => zipOf([...partsOf(bytes), { name: "xl/vbaProject.bin", data: Buffer.from("\u00d0\u00cf\u0011\u00e0 VBA project", "latin1") }]);
/** The main part's content type turned macro-enabled (an .xlsm whose VBA project was stripped, or renamed). */
const withMacroType = (bytes: Uint8Array) => withPart(bytes, "[Content_Types].xml", (xml) => xml.replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", MACRO_MAIN));

beforeAll(async () => {
  expect((await runCli(main, ["--out", master, "--plans", "TV-QD77-2025", "--periods", "thang", "--as-of", AS_OF])).code).toBe(0);
  expect((await runCli(main, ["--in", master, "--split-by-agency", "--out", join(dir, "forms"), "--as-of", AS_OF])).code).toBe(0);
  form = join(dir, "forms", readdirSync(join(dir, "forms")).find((f) => f.startsWith("So-Tai-chinh"))!);
});

describe("a macro-enabled workbook is named as such", () => {
  test("both marks are found; an honest workbook has neither", () => {
    const bytes = readFileSync(form);
    expect(macroEvidence(bytes, zlibInflate)).toBeNull();
    expect(macroEvidence(withVba(bytes), zlibInflate)).toBe("xl/vbaProject.bin");
    expect(withMacroType(bytes).toString("latin1")).not.toBe(bytes.toString("latin1"));
    expect(macroEvidence(withMacroType(bytes), zlibInflate)).toBe(`[Content_Types].xml: ${MACRO_MAIN}`);
  });

  test("returned as forms: each refused with the file and the reason; the count is every refused form, unreadable ones included", async () => {
    const bytes = readFileSync(form);
    const vba = join(dir, "vba.xlsx");
    const typed = join(dir, "typed.xlsx");
    const text = join(dir, "not-a-workbook.xlsx");
    writeFileSync(vba, withVba(bytes));
    writeFileSync(typed, withMacroType(bytes));
    writeFileSync(text, "STT\tChỉ tiêu\n");
    const missing = join(dir, "missing.xlsx");
    const r = await runCli(main, ["--in", master, "--collect", form, vba, typed, text, missing, "--out", join(dir, "collected.xlsx"), "--dry-run"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("4 phiếu bị từ chối / refused");
    expect(r.out).toContain("Từ chối / refused: vba.xlsx: không đọc: workbook có macro (tệp .xlsm đổi tên thành .xlsx: xl/vbaProject.bin)");
    expect(r.out).toContain("not read: a macro-enabled workbook (an .xlsm renamed .xlsx: xl/vbaProject.bin); a form may not hold macros");
    expect(r.out).toContain(`Từ chối / refused: typed.xlsx: không đọc: workbook có macro (tệp .xlsm đổi tên thành .xlsx: [Content_Types].xml: ${MACRO_MAIN})`);
    expect(r.out).toContain("Từ chối / refused: not-a-workbook.xlsx:");
    expect(r.out).toContain("Từ chối / refused: missing.xlsx:");
  });

  test("the browser's reader of returned forms refuses it too", async () => {
    const e = await readFormBytes("vba.xlsx", withVba(readFileSync(form))).catch((x: unknown) => x);
    expect(isPackageRefused(e) && e.detail.code).toBe("package.macro");
  });

  test("as the master: not written back as .xlsx (refresh, restore, collect, split); a dry run notes it", async () => {
    const macroMaster = join(dir, "macro-master.xlsx");
    writeFileSync(macroMaster, withVba(readFileSync(master)));
    const before = readFileSync(macroMaster);
    const vi = `${macroMaster} là workbook có macro (tệp .xlsm đổi tên thành .xlsx: xl/vbaProject.bin): ghi lại dạng .xlsx sẽ làm mất các macro, nên không ghi`;
    const en = "writing it back as .xlsx would drop its macros, so nothing is written";
    for (const args of [
      ["--in", macroMaster, "--out", macroMaster, "--restore"],
      ["--in", macroMaster, "--out", macroMaster, "--plans", "TV-QD77-2025", "--as-of", "31/12/2025"],
      ["--in", macroMaster, "--collect", form, "--out", macroMaster],
      ["--in", macroMaster, "--split-by-agency", "--out", join(dir, "macro-forms")],
    ]) {
      const r = await runCli(main, args);
      expect([args.join(" "), r.code]).toEqual([args.join(" "), 1]);
      expect(r.err).toContain(vi);
      expect(r.err).toContain(en);
    }
    expect(readFileSync(macroMaster).equals(before)).toBe(true);
    const dry = await runCli(main, ["--in", macroMaster, "--out", macroMaster, "--restore", "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain(`Lưu ý: ${macroMaster} là workbook có macro`);
    expect(dry.out).toContain("a refresh or collect into it will be refused, since writing it back would drop its macros");
    // A copy saved without macros is the way out.
    const plain = join(dir, "plain.xlsx");
    copyFileSync(master, plain);
    expect((await runCli(main, ["--in", plain, "--out", plain, "--restore"])).code).toBe(0);
  });
});

describe("the count of refused forms", () => {
  test("counts forms, not reasons: a form refused for two reasons is one form", () => {
    const note = (form: string, vi: string) => ({ form, sheet: "", cell: "", vi, en: vi });
    const lines = describeCollected({ edits: [], receipts: [], conflicts: [], anomalies: [], refused: [note("a.xlsx", "một"), note("a.xlsx", "hai"), note("b.xlsx", "ba"), note("c.xlsx", "bốn")] });
    expect(lines[0]).toContain("3 phiếu bị từ chối / refused");
    expect(lines.filter((l) => l.startsWith("  Từ chối / refused:"))).toHaveLength(4);
  });
});
