import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { buildWorkbookPlan } from "../../src/sheets/workbook";
import { writeWorkbookFile } from "../../src/hosts/xlsx/files";
import { toWorkbook } from "../../src/hosts/xlsx/write";
import { snapshotOf, snapshotOfFile } from "../../src/hosts/xlsx/snapshot";
import { fastSnapshot } from "../../src/hosts/xlsx/fastRead";
import { normalizePackage } from "../../src/hosts/xlsx/package";
import { convert } from "../helpers/libreoffice";
import { absoluteTargets, inlineStrings, withoutOptionalParts } from "../helpers/foreign";
import { seedCatalog } from "../helpers/seedCatalog";

/**
 * The fast reader of large reads (fastRead.ts) gives exactly what ExcelJS's streaming reader gives, for
 * workbooks of every writer the project meets: its own streaming writer, ExcelJS, LibreOffice (a real round trip
 * with a percentage typed, a completion date, staff's formula and text), absolute part names (openpyxl's way),
 * inline strings, no optional parts. Where it cannot read exactly (Excel's shared formulas) it says so with null,
 * and the caller falls back.
 */
const dir = mkdtempSync(join(tmpdir(), "im-fastread-"));
const { catalog } = seedCatalog();

/**
 * ExcelJS's reading of the package, loaded whole: its streaming reader decodes each chunk of a sheet on its own,
 * so a Vietnamese letter cut between two chunks comes out as "��" (one more reason for the fast reader).
 */
async function exceljsRead(bytes: Uint8Array) {
  const { bytes: normal } = await normalizePackage(bytes);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(normal) as unknown as ArrayBuffer);
  return snapshotOf(wb);
}

async function typedWorkbook(): Promise<Uint8Array> {
  const plan = buildWorkbookPlan(catalog, { asOf: "15/11/2025", calendar: "quarter", identity: { kind: "master", master: "m", versions: {}, calendar: "quarter", reportDay: 20 } });
  const wb = toWorkbook(plan);
  // Staff's ways: a percentage typed as 95,1% (stored 0,951), a date, a formula, text with markup and a line break.
  const ws = wb.getWorksheet("TV-QD77-2025 IV")!;
  ws.getCell("G8").value = 0.951;
  ws.getCell("G8").numFmt = "0.0%";
  ws.getCell("G9").value = { formula: "1234/5678*100" } as ExcelJS.CellFormulaValue;
  ws.getCell("G10").value = 'ước <đạt> "7,1" & hơn\ndòng hai';
  const tasks = wb.getWorksheet("TV-QD77-2025 NV I")!;
  tasks.getCell("K8").value = new Date(Date.UTC(2025, 5, 30));
  tasks.getCell("K8").numFmt = "dd/mm/yyyy";
  tasks.getRow(12).hidden = true;
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("the fast reader of large reads", () => {
  it("reads the streaming writer's workbook as ExcelJS does", async () => {
    const file = join(dir, "ours.xlsx");
    await writeWorkbookFile(buildWorkbookPlan(catalog, { asOf: "15/11/2025", calendar: "month" }), file);
    const bytes = new Uint8Array(readFileSync(file));
    const fast = fastSnapshot(bytes);
    expect(fast).not.toBeNull();
    expect(fast).toEqual(await exceljsRead(bytes));
  });

  it("reads ExcelJS's, LibreOffice's, openpyxl-style, inline-string and bare packages as ExcelJS does", async () => {
    const typed = await typedWorkbook();
    const exceljsFile = join(dir, "typed.xlsx");
    writeFileSync(exceljsFile, typed);
    const libre = new Uint8Array(readFileSync(convert(exceljsFile, "xlsx", mkdtempSync(join(tmpdir(), "im-fastread-lo-")))));
    const variants: [string, Uint8Array][] = [
      ["ExcelJS", typed],
      ["LibreOffice", libre],
      ["absolute part names", await absoluteTargets(typed)],
      ["inline strings", await inlineStrings(typed)],
      ["no optional parts", await withoutOptionalParts(typed)],
      ["LibreOffice, absolute part names", await absoluteTargets(libre)],
    ];
    const differences: string[] = [];
    for (const [name, bytes] of variants) {
      const fast = fastSnapshot(bytes);
      expect([name, fast === null]).toEqual([name, false]);
      const slow = await exceljsRead(bytes);
      slow.sheets.forEach((sheet, i) => {
        const mine = fast!.sheets[i];
        if (mine?.name !== sheet.name || mine.hidden !== sheet.hidden || JSON.stringify(mine.hiddenRows) !== JSON.stringify(sheet.hiddenRows)) differences.push(`${name}: ${sheet.name}: sheet`);
        const rows = Math.max(sheet.rows.length, mine?.rows.length ?? 0);
        for (let r = 0; r < rows; r++) {
          const a = sheet.rows[r] ?? [];
          const b = mine?.rows[r] ?? [];
          for (let c = 0; c < Math.max(a.length, b.length); c++) {
            if (JSON.stringify(a[c] ?? null) !== JSON.stringify(b[c] ?? null)) {
              differences.push(`${name}: ${sheet.name}!R${r + 1}C${c + 1}: ExcelJS ${JSON.stringify(a[c] ?? null)}, fast ${JSON.stringify(b[c] ?? null)}`);
              r = rows;
              break;
            }
          }
        }
      });
    }
    expect(differences).toEqual([]);
    // What staff typed reads as they see it.
    const sheet = fastSnapshot(typed)!.sheets.find((s) => s.name === "TV-QD77-2025 IV")!;
    expect(sheet.rows[7]![6]).toBe(95.1);
    expect(sheet.rows[8]![6]).toEqual({ formula: "1234/5678*100" });
    expect(sheet.rows[9]![6]).toBe('ước <đạt> "7,1" & hơn\ndòng hai');
    const tasks = fastSnapshot(typed)!.sheets.find((s) => s.name === "TV-QD77-2025 NV I")!;
    expect(tasks.rows[7]![10]).toBe("2025-06-30");
    expect(tasks.hiddenRows).toContain(12);
  }, 120_000);

  it("reads every letter whole where ExcelJS's streaming reader cuts one in two", async () => {
    const file = join(dir, "long.xlsx");
    await writeWorkbookFile(buildWorkbookPlan(catalog, { asOf: "15/11/2025", calendar: "month" }), file);
    const bytes = new Uint8Array(readFileSync(file));
    const text = (s: unknown) => JSON.stringify(s);
    expect(text(fastSnapshot(bytes))).not.toContain("\ufffd");
    expect(text(await snapshotOfFile(Readable.from([Buffer.from(bytes)])))).toContain("\ufffd");
  });

  it("leaves Excel's shared formulas to ExcelJS", () => {
    const xml = '<worksheet><sheetData><row r="1"><c r="A1"><f t="shared" ref="A1:A2" si="0">B1*2</f></c></row><row r="2"><c r="A2"><f t="shared" si="0"/></c></row></sheetData></worksheet>';
    const bytes = zipOf({
      "_rels/.rels": '<Relationships><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      "xl/workbook.xml": '<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
      "xl/_rels/workbook.xml.rels": '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      "xl/worksheets/sheet1.xml": xml,
    });
    expect(fastSnapshot(bytes)).toBeNull();
    expect(fastSnapshot(new Uint8Array([1, 2, 3]))).toBeNull();
  });
});

/** A stored (uncompressed) zip of these parts. */
function zipOf(parts: Record<string, string>): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(parts)) {
    const data = Buffer.from(text, "utf8");
    const n = Buffer.from(name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    chunks.push(local, n, data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt32LE(data.length, 20);
    c.writeUInt32LE(data.length, 24);
    c.writeUInt16LE(n.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, n);
    offset += 30 + n.length + data.length;
  }
  const size = central.reduce((k, b) => k + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(parts).length, 8);
  end.writeUInt16LE(Object.keys(parts).length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, ...central, end]));
}
