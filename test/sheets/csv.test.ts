import { parseCsv } from "../../src/sheets/csv";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyEntries, parseEntriesCsv } from "../../src/sheets/entries";
import { buildWorkbookPlan } from "../../src/sheets/workbook";
import { main } from "../../src/cli/workbook";
import { runCli } from "../helpers/cli";
import { readEntriesFile } from "../../src/hosts/xlsx/files";
import { seedCatalog, seedIndicators } from "../helpers/seedCatalog";

describe("CSV as spreadsheets write it", () => {
  test("quoted cells keep separators, doubled quotes and line breaks", () => {
    expect(parseCsv('a,"2,5","say ""Đạt""","two\nlines"\r\nb,,c\n')).toEqual([
      ["a", "2,5", 'say "Đạt"', "two\nlines"],
      ["b", "", "c"],
    ]);
  });

  test("a quote inside a cell that did not open with one is kept, as Excel reads it (it was silently removed)", () => {
    expect(parseCsv('TV.1;2025;ước "đạt"\nTV.2;2025;5"2\n', ";")).toEqual([
      ["TV.1", "2025", 'ước "đạt"'],
      ["TV.2", "2025", '5"2'],
    ]);
    // RFC 4180: doubled quotes in a quoted cell are one quote, also at its very start and end; spaces before the
    // opening quote are dropped; an empty quoted cell is empty.
    expect(parseCsv('a,"""Đạt"" theo KH",  "x,y",""\n')).toEqual([["a", '"Đạt" theo KH', "x,y", ""]]);
  });

  test("entries: a value with quotes arrives whole; one over 32 767 characters is shortened with a note", () => {
    const long = "x".repeat(100_000);
    const csv = parseEntriesCsv(`id;period;value\nTV.IV.1;2025;"ước ""đạt"" 95"\nTV.IV.2;2025;${long}\n`);
    expect(csv.rows.map((r) => r.value)).toEqual(['ước "đạt" 95', expect.any(String)]);
    const shortened = csv.rows[1]!.value as string;
    expect(shortened.length).toBe(32_767);
    expect(shortened.startsWith("x".repeat(32_000))).toBe(true);
    expect(shortened.endsWith("[rút gọn / shortened]")).toBe(true);
    expect(csv.shortened).toEqual([
      {
        line: 3,
        key: "TV.IV.2",
        period: "2025",
        why: {
          vi: "giá trị dài 100.000 ký tự, quá 32.767 ký tự một ô Excel giữ được: đã rút gọn",
          en: "the value has 100.000 characters, more than the 32.767 an Excel cell holds: shortened",
        },
      },
    ]);
    expect(parseEntriesCsv(`TV.IV.1;2025;${"y".repeat(32_767)}\n`).shortened).toEqual([]);
  });

  test("entries: a vi-VN decimal quoted in a comma file, and semicolon files as Vietnamese Excel exports them", () => {
    expect(parseEntriesCsv('id,period,value\nTV.IV.1,2025,"2,5"\n').rows.map((e) => e.value)).toEqual(["2,5"]);
    expect(parseEntriesCsv("Mã;Kỳ;Giá trị\nTV.IV.1;2025;2,5\nTV.IV.2;;\n").rows).toEqual([
      { line: 2, key: "TV.IV.1", period: "2025", value: "2,5" },
      { line: 3, key: "TV.IV.2", period: "", value: null },
    ]);
  });
});

describe("--actuals honest: every line written or listed with its reason, and the counts add up", () => {
  const plan = () => buildWorkbookPlan(seedCatalog().catalog, { asOf: "22/11/2026" });
  const ids = () => seedIndicators().filter((i) => i.plan === "TV-QD77-2025" && i.appendix === "IV" && i.level === 0).map((i) => i.id);

  test("an unquoted decimal comma in a comma file is reported with a hint, not read as 2", () => {
    const csv = parseEntriesCsv(`id,period,value\n${ids()[0]},2025,2,5\n`);
    expect(csv.rows).toEqual([]);
    expect(csv.problems).toHaveLength(1);
    expect(csv.problems[0]!.line).toBe(2);
    expect(csv.problems[0]!.why.vi).toContain("4 trường");
    expect(csv.problems[0]!.why.vi).toContain('"2,5"');
    expect(csv.lines).toBe(1);
  });

  test("extra columns are reported; trailing empty fields, as spreadsheets export them, are fine", () => {
    const csv = parseEntriesCsv(`${ids()[0]};2025;7;ghi chú\n${ids()[1]};2025;8;;\n`);
    expect(csv.problems.map((p) => p.line)).toEqual([1]);
    expect(csv.rows.map((r) => [r.line, r.value])).toEqual([[2, "8"]]);
  });

  test("two lines for the same indicator and period: both reported with each other's line, neither written", () => {
    const [a, b] = ids();
    const csv = parseEntriesCsv(`id;period;value\n${a};2025;5\n${b};2025;6\n${a};2025;7\n`);
    const r = applyEntries(plan(), csv.rows);
    // The figure is written as a number (evaluate/typedEntry.ts), as Excel stores a typed 6.
    expect(r.filled.map((f) => [f.line, f.id, f.value])).toEqual([[3, b, 6]]);
    expect(r.unmatched.map((u) => [u.line, u.why.en])).toEqual([
      [2, "same indicator and period as line 4: neither is written, keep one line"],
      [4, "same indicator and period as line 2: neither is written, keep one line"],
    ]);
    const sheet = r.plan.sheets.find((s) => s.rowOf[a!] !== undefined)!;
    const col = sheet.columns.findIndex((c) => c.key === "actual:2025");
    expect(sheet.rows[sheet.rowOf[a!]! - 1]![col]!.value ?? null).toBeNull();
  });

  test("a line with no value is reported as blank (bỏ trống) and does not erase an earlier value", () => {
    const [a] = ids();
    const r = applyEntries(plan(), parseEntriesCsv(`${a};2025;\n`).rows);
    expect(r.applied).toBe(0);
    expect(r.unmatched.map((u) => u.why.vi)).toEqual(["giá trị bỏ trống: không điền gì (ô giữ nguyên)"]);
  });

  test("a quoted value may hold the separator and a line break; the line numbers stay those of the file", () => {
    const [a, b] = ids();
    const csv = parseEntriesCsv(`${a},2025,"ước đạt\n2,5"\n${b},2025,"1.800"\nx,y\n`);
    expect(csv.rows.map((r) => [r.line, r.value])).toEqual([
      [1, "ước đạt\n2,5"],
      [3, "1.800"],
    ]);
    expect(csv.problems.map((p) => p.line)).toEqual([4]);
  });

  test("the CLI says how many were written, how many of those are flagged as invalid, and lists the rest", async () => {
    const [a, b, c] = ids();
    const dir = mkdtempSync(join(tmpdir(), "im-actuals-"));
    const file = join(dir, "actuals.csv");
    writeFileSync(file, `id;period;value\n${a};2025;2,5\n${b};2025;abc\n${c};2025;\n${a};2030;1\nKhông có;2025;1\n`);
    const r = await runCli(main, ["--actuals", file, "--out", join(dir, "out.xlsx"), "--as-of", "22/11/2026"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("5 dòng đọc được / lines read; 2 đã điền / written (1 trong số đó bị đánh dấu lỗi nhập liệu / of them flagged as invalid input); 3 không điền / not written");
    expect(r.out).toContain(`${file}:3 ${b} 2025: “abc” — Lỗi nhập liệu`);
    for (const line of [4, 5, 6]) expect(r.out).toContain(`${file}:${line} `);
  });

  test("the CLI: a quoted value keeps its quotes in the cell, and a value past a cell's limit is written shortened with a note", async () => {
    const [a, b] = ids();
    const dir = mkdtempSync(join(tmpdir(), "im-actuals-"));
    const file = join(dir, "actuals.csv");
    writeFileSync(file, `id;period;value\n${a};2025;"ước ""đạt"""\n${b};2025;${"z".repeat(40_000)}\n`);
    const out = join(dir, "out.xlsx");
    const r = await runCli(main, ["--actuals", file, "--out", out, "--as-of", "22/11/2026"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Lưu ý / note: ${file}:3 “${b}” 2025: giá trị dài 40.000 ký tự, quá 32.767 ký tự một ô Excel giữ được: đã rút gọn`);
    const entries = await readEntriesFile(out);
    expect(entries.actuals[a!]?.["2025"]).toBe('ước "đạt"');
    expect(String(entries.actuals[b!]?.["2025"]).length).toBe(32_767);
  });
});
