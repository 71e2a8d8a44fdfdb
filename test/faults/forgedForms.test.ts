/**
 * @file Forged returned forms, each built from a real split form (the CLI's split, which records the forms in the
 * master's ledger and signs their stamps): a row with another agency's id added, a row's id swapped for another
 * agency's, the identity's agency edited, a second identity sheet, the entries as split forged to undo a
 * correction, a bad signature, the stamp removed — collected together with honest forms: every honest entry
 * arrives, nothing reaches another agency's rows or receipts, every forged file is named with its reason; a form's
 * change to a row's direction or tolerance is reported by cell and not taken.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildWorkbookPlan } from "../../src/sheets/workbook";
import { readExisting, type ExistingSheet } from "../../src/sheets/existing";
import { refreshWorkbook } from "../../src/sheets/merge";
import { splitMaster } from "../../src/sheets/forms";
import { collectForms, type Collected } from "../../src/sheets/collect";
import { readEntriesFile, readFormFile, snapshotOfWorkbookFile, writeWorkbookFile } from "../../src/hosts/xlsx/files";
import { collectFiles, splitFile } from "../../src/cli/cycle";
import { IDENTITY_SHEET } from "../../src/sheets/identity";
import { LEDGER_SHEET } from "../../src/sheets/ledger";
import type { Entries } from "../../src/sheets/indicatorSheet";
import { seedCatalog, seedIndicators } from "../helpers/seedCatalog";
import { set, type Edit } from "../helpers/formEdits";
import { keyColumns } from "../helpers/refresh";

const AS_OF = "15/11/2025";
const SPLIT = "01/11/2025 08:00";
const NOW = "20/11/2025 08:00";
const T11 = "actual:2025-T11";
const { catalog } = seedCatalog();
const packed = new Set(seedIndicators().filter((i) => i.target.kind === "composite").map((i) => i.id));
const dir = mkdtempSync(join(tmpdir(), "im-forged-forms-"));
const formsDir = join(dir, "phieu");
const cycle = { asOf: AS_OF, tolerance: 0.05, protect: true };


/** A row added under the table, with an id and a November value. */
const addRow =
  (id: string, value: number): Edit =>
  (wb) => {
    const ws = wb.worksheets.find((w) => keyColumns(w).has(T11))!;
    const keys = keyColumns(ws);
    const row = ws.getRow(ws.rowCount + 1);
    row.getCell(keys.get("id")!).value = id;
    row.getCell(keys.get(T11)!).value = value;
  };

/** Rewrites the identity sheet's rows: `edit` gets each row's cells (A–E values) and may change them. */
const identity =
  (edit: (cells: ExcelJS.CellValue[], row: ExcelJS.Row) => void): Edit =>
  (wb) => {
    const ws = wb.getWorksheet(IDENTITY_SHEET)!;
    ws.eachRow((row) => edit([1, 2, 3, 4, 5].map((c) => row.getCell(c).value), row));
  };

/** Opens a form, applies the edits, saves it as Excel would (the save time is the date filled). */
async function fill(path: string, out: string, ...edits: Edit[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  for (const e of edits) e(wb);
  wb.modified = new Date("2025-11-18T09:00:00Z");
  await wb.xlsx.writeFile(out);
  return out;
}

/** Sets an id's November cell in the master (the planning department correcting a figure by hand). */
async function correctMaster(file: string, id: string, value: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  set(id, T11, value)(wb);
  await wb.xlsx.writeFile(file);
}

interface Form {
  agency: string;
  path: string;
  /** Its own indicators with a November column (reported by it alone, not packed). */
  ids: string[];
}

const quiet = async <T>(run: () => Promise<T>): Promise<{ value: T; printed: string }> => {
  let printed = "";
  const o = jest.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => ((printed += String(s)), true));
  const e = jest.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => ((printed += String(s)), true));
  try {
    return { value: await run(), printed };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
};

jest.setTimeout(240_000);

let master = "";
let forms: Form[] = [];
let corrected = "";
let key = "";

beforeAll(async () => {
  master = join(dir, "master.xlsx");
  const id = { kind: "master" as const, master: "forged-0000", versions: {}, calendar: "month" as const, reportDay: 20 };
  // Which agencies report which indicators, from a split of the plain master.
  await writeWorkbookFile(buildWorkbookPlan(catalog, { asOf: AS_OF, calendar: "month", identity: id }), master);
  const plain = readExisting(await snapshotOfWorkbookFile(master));
  const dry = splitMaster(catalog, plain, refreshWorkbook(catalog, plain, { ...cycle, now: SPLIT }), { now: SPLIT, masterFile: "master.xlsx" });
  const owners = new Map<string, number>();
  for (const f of dry.forms) for (const s of f.plan.sheets.filter((x) => x.kind === "indicators")) for (const i of Object.keys(s.rowOf)) owners.set(i, (owners.get(i) ?? 0) + 1);
  const own = (f: (typeof dry.forms)[number]) =>
    f.plan.sheets.filter((s) => s.kind === "indicators" && s.columns.some((c) => c.key === T11)).flatMap((s) => Object.keys(s.rowOf).filter((i) => !packed.has(i) && owners.get(i) === 1));
  const chosen = dry.forms.filter((f) => own(f).length >= 4).slice(0, 9);
  expect(chosen).toHaveLength(9);
  // The master as the planning department holds it: one figure typed (32) that a form will carry as split.
  corrected = own(chosen[6]!)[0]!;
  const entries: Entries = { actuals: { [corrected]: { "2025-T11": 32 } }, notes: {}, baselines: {} };
  await writeWorkbookFile(buildWorkbookPlan(catalog, { asOf: AS_OF, calendar: "month", identity: id, entries }), master);
  // The real split: the ledger goes into the master, the signed forms into the folder.
  const { value: code, printed } = await quiet(() => splitFile(master, formsDir, catalog, { ...cycle, now: SPLIT }));
  expect([code, printed]).toEqual([0, expect.stringContaining("sổ phiếu: đã ghi")]);
  const ledger = readExisting(await snapshotOfWorkbookFile(master)).ledger!;
  expect(ledger.forms.length).toBe(readdirSync(formsDir).length);
  key = ledger.key;
  forms = chosen.map((f) => ({ agency: f.agency, path: join(formsDir, f.file), ids: own(f) }));
  // After the split the planning department corrects 32 to 31,5.
  await correctMaster(master, corrected, 31.5);
}, 240_000);

describe("the ledger of issued forms", () => {
  it("keeps the signing key in the master only, and every form's stamp names its ledger entry", async () => {
    const m = readExisting(await snapshotOfWorkbookFile(master));
    expect(m.serviceNames).toContain(LEDGER_SHEET);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    for (const f of forms) {
      const form = await readFormFile(f.path);
      expect(form.existing.ledger ?? null).toBeNull();
      expect(form.existing.serviceNames).not.toContain(LEDGER_SHEET);
      expect(JSON.stringify(form.existing)).not.toContain(key);
      const issued = m.ledger!.forms.find((x) => x.form === form.existing.identity!.form)!;
      expect(issued.agency).toBe(f.agency);
      expect(form.existing.identity!.signature).toMatch(/^[0-9a-f]{64}$/);
      // Every row the form holds is in the ledger's record of it.
      const rows = form.existing.sheets.flatMap((s: ExistingSheet) => s.rows.filter((r) => r.id).map((r) => r.id!));
      const recorded = new Set(issued.entries.filter((e) => e.key === "#row").map((e) => e.id));
      expect(rows.filter((r) => !recorded.has(r))).toEqual([]);
    }
  });
});

describe("forged forms collected with honest ones", () => {
  let collected: Collected;
  let typed: Map<string, { value: number; form: string }>;
  let files: Record<string, string>;
  let refusedOf: (file: string) => string;
  let notesOf: (file: string) => string;

  beforeAll(async () => {
    const [h1, h2, foreign, swapped, claimed, twice, forged, badSig, stripped] = forms as [Form, Form, Form, Form, Form, Form, Form, Form, Form];
    typed = new Map();
    const type = (f: Form, from: number) =>
      f.ids.slice(1).map((id, k) => {
        typed.set(id, { value: from + k + 0.25, form: f.agency });
        return set(id, T11, from + k + 0.25);
      });
    const out = (name: string) => join(dir, name);
    files = {
      h1: await fill(h1.path, out("h1.xlsx"), ...type(h1, 10)),
      h2: await fill(h2.path, out("h2.xlsx"), ...type(h2, 20)),
      // Honest rows, and one row with an id of h1's agency (one h1 leaves empty) and a value.
      foreign: await fill(foreign.path, out("foreign.xlsx"), ...type(foreign, 30), addRow(h1.ids[0]!, 999)),
      // Honest rows, and its first row's id swapped for one of h2's (left empty by h2), with a value.
      swapped: await fill(swapped.path, out("swapped.xlsx"), ...type(swapped, 40), set(swapped.ids[0]!, T11, 888), set(swapped.ids[0]!, "id", h2.ids[0]!)),
      // The identity claims to be h1's agency.
      claimed: await fill(claimed.path, out("claimed.xlsx"), ...type(claimed, 50), identity((c, row) => void (c[0] === "agency" && (row.getCell(2).value = h1.agency)))),
      twice: await fill(twice.path, out("twice.xlsx"), ...type(twice, 60), (wb) => {
        const real = wb.getWorksheet(IDENTITY_SHEET)!;
        const copy = wb.addWorksheet(`${IDENTITY_SHEET} (2)`);
        real.eachRow((row, r) => row.eachCell((cell, c) => void (copy.getRow(r).getCell(c).value = cell.value === h1.agency ? h1.agency : cell.value)));
        copy.eachRow((row) => void (row.getCell(1).value === "agency" && (row.getCell(2).value = h1.agency)));
        copy.state = "veryHidden";
      }),
      // The entries as split say 31,5 (the master's correction) and the cell keeps 32: the old collect undid the correction.
      forged: await fill(forged.path, out("forged.xlsx"), ...type(forged, 70), identity((c, row) => void (c[0] === "entry" && c[2] === corrected && c[3] === T11 && (row.getCell(5).value = 31.5)))),
      badSig: await fill(badSig.path, out("badsig.xlsx"), ...type(badSig, 80), identity((c, row) => void (c[0] === "signature" && (row.getCell(2).value = `${String(c[1]).slice(0, 63)}${String(c[1]).endsWith("0") ? "1" : "0"}`)))),
      // The stamp removed, to pass as a form split before the ledger.
      stripped: await fill(stripped.path, out("stripped.xlsx"), ...type(stripped, 90), identity((c, row) => void ((c[0] === "form" || c[0] === "signature") && (row.getCell(1).value = null, row.getCell(2).value = null)))),
    };
    // The forged form's own row keeps the 32 it was split with; no other value is typed there.
    typed.delete(corrected);
    const m = readExisting(await snapshotOfWorkbookFile(master));
    collected = collectForms(m, await Promise.all(Object.values(files).map((f) => readFormFile(f))), NOW);
    refusedOf = (file) => collected.refused.filter((r) => r.form === file).map((r) => `${r.vi} / ${r.en}`).join("\n");
    notesOf = (file) => collected.anomalies.filter((r) => r.form === file).map((r) => `${r.sheet}!${r.cell} ${r.vi} / ${r.en}`).join("\n");
  });

  it("every honest entry arrives, and nothing from a forged form or a foreign row", () => {
    const honest = new Set([forms[0]!, forms[1]!, forms[2]!, forms[3]!].map((f) => f.agency));
    const got = new Map(collected.edits.map((e) => [e.id, e.value]));
    for (const [id, t] of typed) expect([id, got.get(id) ?? null]).toEqual([id, honest.has(t.form) ? t.value : null]);
    // The foreign row (999) and the swapped one (888) reach no row; the refused forms bring nothing.
    expect(collected.edits.map((e) => e.value)).not.toContain(999);
    expect(collected.edits.map((e) => e.value)).not.toContain(888);
    expect(collected.edits.every((e) => ["h1.xlsx", "h2.xlsx", "foreign.xlsx", "swapped.xlsx"].includes(e.form))).toBe(true);
    expect(collected.edits.some((e) => e.id === corrected)).toBe(false);
    expect(collected.conflicts).toEqual([]);
  });

  it("records receipts only for the agencies the ledger issued the accepted forms to", () => {
    expect(collected.receipts.map((r) => [r.file, r.agency]).sort()).toEqual(
      [
        ["foreign.xlsx", forms[2]!.agency],
        ["h1.xlsx", forms[0]!.agency],
        ["h2.xlsx", forms[1]!.agency],
        ["swapped.xlsx", forms[3]!.agency],
      ].sort(),
    );
  });

  it("names every forged file with its reason", () => {
    expect(collected.refused.map((r) => r.form).sort()).toEqual(["badsig.xlsx", "claimed.xlsx", "forged.xlsx", "stripped.xlsx", "twice.xlsx"]);
    expect(refusedOf("claimed.xlsx")).toContain(`trang định danh của phiếu đã bị sửa — cơ quan “${forms[0]!.agency}” (sổ phiếu ghi “${forms[4]!.agency}”)`);
    expect(refusedOf("twice.xlsx")).toContain(`phiếu có hơn một trang định danh (${IDENTITY_SHEET}, ${IDENTITY_SHEET} (2))`);
    expect(refusedOf("forged.xlsx")).toMatch(new RegExp(`số liệu khi tách trong trang định danh của phiếu đã bị sửa \\(1 ô: ${corrected.replace(/\./g, "\\.")} \\[${T11}\\] “31.5” \\(32\\)`));
    expect(refusedOf("badsig.xlsx")).toContain("chữ ký của phiếu không đúng");
    expect(refusedOf("stripped.xlsx")).toContain(`phiếu không có dấu của sổ phiếu, dù mọi phiếu tách từ ${SPLIT} đều có`);
    // Only some rows foreign: the rows are refused and named, the rest collected.
    expect(notesOf("foreign.xlsx")).toMatch(new RegExp(`!A\\d+ dòng mang mã ${forms[0]!.ids[0]!.replace(/\./g, "\\.")} .* không được giao cho phiếu này \\(${forms[2]!.agency}\\): dòng bị từ chối`));
    expect(notesOf("swapped.xlsx")).toContain(`dòng mang mã ${forms[1]!.ids[0]}`);
    expect(notesOf("swapped.xlsx")).toMatch(/đã bị xoá trong phiếu/);
    // Honest forms carry no ledger notice.
    expect(notesOf("h1.xlsx")).not.toMatch(/sổ phiếu|không được giao/);
  });

  it("keeps the master's correction, through the CLI too", async () => {
    const out = join(dir, "collected.xlsx");
    const { value: code, printed } = await quiet(() => collectFiles(master, out, Object.values(files), catalog, { ...cycle, now: NOW, dryRun: false }));
    expect(code).toBe(0);
    expect(printed).toContain("4 phiếu mới / new forms, 5 phiếu bị từ chối / refused");
    expect(printed).not.toContain("thay / replaces “31,5”");
    const after = await readEntriesFile(out);
    expect(after.actuals[corrected]?.["2025-T11"]).toBe(31.5);
    expect(after.actuals[forms[0]!.ids[0]!]?.["2025-T11"] ?? null).toBeNull();
    expect(after.actuals[forms[1]!.ids[0]!]?.["2025-T11"] ?? null).toBeNull();
    // The refresh that wrote the collect kept the ledger.
    expect(readExisting(await snapshotOfWorkbookFile(out)).ledger?.key).toBe(key);
  });
});

describe("a form's own settings", () => {
  it("reports a changed direction and tolerance by cell and takes neither", async () => {
    const f = forms[0]!;
    const id = f.ids[1]!;
    const file = await fill(f.path, join(dir, "settings.xlsx"), set(id, T11, 5), set(id, "direction", "Thấp hơn là tốt"), set(id, "h:tolerance", 0.5));
    const m = readExisting(await snapshotOfWorkbookFile(master));
    const c = collectForms(m, [await readFormFile(file)], NOW);
    const notes = c.anomalies.map((a) => `${a.sheet}!${a.cell} ${a.vi}`).join("\n");
    expect(notes).toMatch(/!\w+\d+ phiếu đổi Hướng \(“[^”]+” → “Thấp hơn là tốt”\): không đưa vào/);
    expect(notes).toMatch(/!\w+\d+ phiếu đổi dung sai \(cột ẩn\) \(“0.05” → “0.5”\): không đưa vào/);
    expect(c.edits.map((e) => [e.id, e.key, e.value])).toEqual([[id, T11, 5]]);
    // An honest form raises none of these.
    const honest = collectForms(m, [await readFormFile(await fill(f.path, join(dir, "honest.xlsx"), set(id, T11, 5)))], NOW);
    expect(honest.anomalies.map((a) => a.vi).join("\n")).not.toMatch(/phiếu đổi|sổ phiếu/);
  });
});

describe("forms split before the ledger", () => {
  it("are collected as before, with a notice that they cannot be verified", async () => {
    const old = join(dir, "old-master.xlsx");
    await writeWorkbookFile(buildWorkbookPlan(catalog, { asOf: AS_OF, calendar: "month", identity: { kind: "master", master: "old-0000", versions: {}, calendar: "month", reportDay: 20 } }), old);
    const m = readExisting(await snapshotOfWorkbookFile(old));
    const split = splitMaster(catalog, m, refreshWorkbook(catalog, m, { ...cycle, now: SPLIT }), { now: SPLIT, masterFile: "old-master.xlsx" });
    expect(split.ledger).toBeUndefined();
    const form = split.forms.find((f) => f.agency === forms[0]!.agency)!;
    const path = join(dir, "old-form.xlsx");
    await writeWorkbookFile(form.plan, path);
    const id = forms[0]!.ids[1]!;
    const c = collectForms(m, [await readFormFile(await fill(path, join(dir, "old-filled.xlsx"), set(id, T11, 7)))], NOW);
    expect(c.refused).toEqual([]);
    expect(c.edits.map((e) => [e.id, e.value])).toEqual([[id, 7]]);
    expect(c.anomalies.map((a) => a.vi)).toContain("phiếu tạo trước khi có sổ phiếu: không kiểm chứng được (đưa vào theo định danh của chính phiếu); kỳ sau hãy gửi phiếu tách mới");
    expect(readFileSync(path).length).toBeGreaterThan(0);
  });
});
