import { execFileSync } from "node:child_process";
/**
 * @file Hostile returned forms, each built from a real split form (a far row number, a decompression bomb, a
 * cell inside an XML comment, 300 000 unknown elements in a row), collected together with honest forms: every
 * honest entry arrives, every hostile file is named with its reason, nothing crashes, memory stays bounded; the
 * same files given to a refresh, a restore and the browser's reader are refused with the reason.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildWorkbookPlan } from "../../src/sheets/workbook";
import { readExisting } from "../../src/sheets/existing";
import { refreshWorkbook } from "../../src/sheets/merge";
import { splitMaster, type AgencyForm } from "../../src/sheets/forms";
import { planFileRefresh, readEntriesFile, readFormFile, readWorkbookFile, snapshotOfWorkbookFile, writeWorkbookFile } from "../../src/hosts/xlsx/files";
import { readFormBytes } from "../../src/hosts/xlsx/forms";
import { fastSnapshot } from "../../src/hosts/xlsx/fastRead";
import { isPackageRefused, INFLATE_CAPS, type PackageRefused } from "../../src/hosts/xlsx/unsafe";
import { collectFiles } from "../../src/cli/cycle";
import { columnLetter, type CellValue, type SheetPlan } from "../../src/sheets/plan";
import { seedCatalog, seedIndicators } from "../helpers/seedCatalog";
import { partsOf, withBomb, withPart, zipOf } from "../../src/bench/hostileZip";

const AS_OF = "15/11/2025";
const NOW = "20/11/2025 08:00";
const T11 = "actual:2025-T11";
const { catalog } = seedCatalog();
const packed = new Set(seedIndicators().filter((i) => i.target.kind === "composite").map((i) => i.id));
const dir = mkdtempSync(join(tmpdir(), "im-hostile-forms-"));

interface Filled {
  form: AgencyForm;
  file: string;
  /** id → the value typed for November. */
  typed: Map<string, number>;
  /** The first indicator sheet: its part and plan, and an id left empty in it. */
  part: string;
  sheet: SheetPlan["sheets"][number];
  empty: string;
}

const ownIds = (f: AgencyForm, owners: Map<string, number>) =>
  f.plan.sheets.filter((s) => s.kind === "indicators").flatMap((s) => Object.keys(s.rowOf).filter((id) => !packed.has(id) && owners.get(id) === 1 && s.columns.some((c) => c.key === T11)));

/** A form as staff fill it: November typed for every indicator of its own but one (left empty). */
async function fill(form: AgencyForm, owners: Map<string, number>, seed: number): Promise<Filled> {
  const plan = structuredClone(form.plan);
  const ids = ownIds(form, owners);
  const empty = ids[0]!;
  const typed = new Map<string, number>();
  ids.slice(1).forEach((id, k) => {
    const sheet = plan.sheets.find((s) => s.rowOf[id] !== undefined)!;
    const col = sheet.columns.findIndex((c) => c.key === T11);
    const row = sheet.rows[sheet.rowOf[id]! - 1]!;
    const value = seed + k + 0.5;
    row[col] = { ...row[col], value };
    typed.set(id, value);
  });
  const file = join(dir, form.file);
  await writeWorkbookFile(plan, file);
  const index = plan.sheets.findIndex((s) => s.rowOf[empty] !== undefined);
  return { form, file, typed, part: `xl/worksheets/sheet${index + 1}.xml`, sheet: plan.sheets[index]!, empty };
}

/** Where an id's November cell is: "K12". */
function cellOf(f: Filled, id: string): { ref: string; row: number } {
  const row = f.sheet.rowOf[id]!;
  return { ref: `${columnLetter(f.sheet.columns.findIndex((c) => c.key === T11) + 1)}${row}`, row };
}

/** Inserts text right after a row's start tag. */
const intoRow = (xml: string, row: number, text: string) => {
  const at = xml.indexOf(">", xml.indexOf(`<row r="${row}"`)) + 1;
  expect(at).toBeGreaterThan(0);
  return xml.slice(0, at) + text + xml.slice(at);
};

let master = "";
let forms: Filled[] = [];

beforeAll(async () => {
  master = join(dir, "master.xlsx");
  await writeWorkbookFile(buildWorkbookPlan(catalog, { asOf: AS_OF, calendar: "month", identity: { kind: "master", master: "hostile", versions: {}, calendar: "month", reportDay: 20 } }), master);
  const existing = readExisting(await snapshotOfWorkbookFile(master));
  const split = splitMaster(catalog, existing, refreshWorkbook(catalog, existing, { asOf: AS_OF, tolerance: 0.05, now: "01/11/2025 08:00" }), { now: "01/11/2025 08:00", masterFile: "master.xlsx" });
  expect(split.error).toBeUndefined();
  const owners = new Map<string, number>();
  for (const f of split.forms) for (const s of f.plan.sheets.filter((x) => x.kind === "indicators")) for (const id of Object.keys(s.rowOf)) owners.set(id, (owners.get(id) ?? 0) + 1);
  const chosen = split.forms.filter((f) => ownIds(f, owners).length >= 3).slice(0, 7);
  expect(chosen).toHaveLength(7);
  forms = [];
  for (const [k, f] of chosen.entries()) forms.push(await fill(f, owners, 10 * (k + 1)));
}, 120_000);

describe("hostile forms collected with honest ones", () => {
  it("every honest entry arrives, every hostile file is named with its reason, memory stays bounded", async () => {
    const [h1, h2, h3, far, bomb, comment, unknown] = forms as [Filled, Filled, Filled, Filled, Filled, Filled, Filled];
    const bytes = (f: Filled) => readFileSync(f.file);
    // A row far past Excel's last (the old reader pushed empty rows up to it).
    writeFileSync(far.file, withPart(bytes(far), far.part, (xml) => xml.replace("</sheetData>", '<row r="500000000"><c r="A500000000"><v>1</v></c></row></sheetData>')));
    // A sheet that inflates past the cap, declared with its honest size.
    writeFileSync(bomb.file, await withBomb(bytes(bomb), bomb.part, INFLATE_CAPS.part + (1 << 20)));
    expect(readFileSync(bomb.file).length).toBeLessThan(400_000);
    // A cell inside an XML comment, in the row of an indicator left empty.
    const hidden = cellOf(comment, comment.empty);
    writeFileSync(comment.file, withPart(bytes(comment), comment.part, (xml) => intoRow(xml, hidden.row, `<!-- <c r="${hidden.ref}"><v>777</v></c> -->`)));
    // 300 000 elements the reader does not know, in a row that holds a typed value.
    const busy = cellOf(unknown, [...unknown.typed.keys()][0]!);
    writeFileSync(unknown.file, withPart(bytes(unknown), unknown.part, (xml) => intoRow(xml, busy.row, "<x/>".repeat(300_000))));

    const out = join(dir, "collected.xlsx");
    let printed = "";
    const o = jest.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => ((printed += String(s)), true));
    const e = jest.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => ((printed += String(s)), true));
    const t0 = Date.now();
    let code: number;
    try {
      code = await collectFiles(master, out, forms.map((f) => f.file), catalog, { asOf: AS_OF, tolerance: 0.05, now: NOW, protect: true, dryRun: false });
    } finally {
      o.mockRestore();
      e.mockRestore();
    }
    const seconds = (Date.now() - t0) / 1000;
    expect(code).toBe(0);
    // A generous bound: the old readers took minutes or ran out of memory.
    expect(seconds).toBeLessThan(60);
    // Memory held after the collect; the peak of a collect alone is measured in a process of its own (below): this
    // test worker's own peak includes whatever tests it ran before.
    expect(process.memoryUsage().rss).toBeLessThan(1.5 * 1024 ** 3);

    const after = await readEntriesFile(out);
    const got = (id: string): CellValue => after.actuals[id]?.["2025-T11"] ?? null;
    // Honest forms, the comment form and the form of unknown elements: every typed value arrives.
    for (const f of [h1, h2, h3, comment, unknown]) for (const [id, v] of f.typed) expect([f.form.file, id, got(id)]).toEqual([f.form.file, id, v]);
    // What a comment holds is no cell.
    expect(got(comment.empty)).toBeNull();
    expect(JSON.stringify(after.actuals)).not.toContain("777");
    // The far row and the bomb are refused whole, named with the reason; nothing of theirs arrives.
    for (const f of [far, bomb]) for (const id of f.typed.keys()) expect(got(id)).toBeNull();
    expect(printed).toContain("5 phiếu mới / new forms, 2 phiếu bị từ chối / refused");
    const line = (f: Filled) => printed.split("\n").find((l) => l.includes(`Từ chối / refused: ${f.form.file}`)) ?? "";
    expect(line(far)).toContain(`phần ${far.part} có dòng số 500000000, quá dòng cuối của Excel (1.048.576)`);
    expect(line(far)).toContain("past Excel's last row");
    expect(line(bomb)).toContain(`phần ${bomb.part} giải nén ra hơn 128 MB`);
    expect(line(bomb)).toContain("inflates to more than 128 MB");
    expect(printed).not.toMatch(/\n\s+at /);
  }, 180_000);

  it("the same files given to a refresh (--in), a restore and the browser's reader are refused with the reason", async () => {
    const far = forms[3]!;
    const bomb = forms[4]!;
    for (const f of [far, bomb]) {
      const reason = f === far ? "package.rowTooFar" : "package.partTooLarge";
      const refusal = async (p: Promise<unknown>) => {
        const err = await p.then(
          () => null,
          (x: unknown) => x,
        );
        expect(isPackageRefused(err)).toBe(true);
        expect((err as PackageRefused).detail.code).toBe(reason);
      };
      await refusal(planFileRefresh(f.file, catalog, { asOf: AS_OF, tolerance: 0.05, now: NOW }));
      await refusal(readWorkbookFile(f.file)); // --restore's read, through JSZip and ExcelJS
      await refusal(readFormBytes(f.form.file, new Uint8Array(readFileSync(f.file)))); // the pane: DecompressionStream
      await refusal(readFormFile(f.file));
    }
    // The comment form through ExcelJS (the browser's road) reads the comment as nothing too.
    const comment = forms[5]!;
    const read = await readFormBytes(comment.form.file, new Uint8Array(readFileSync(comment.file)));
    expect(JSON.stringify(read.existing)).not.toContain("777");
  }, 120_000);

  it("a part declaring more than the cap is refused before a byte is inflated", () => {
    const f = forms[0]!;
    const parts = partsOf(readFileSync(f.file));
    const liar = zipOf(parts.map((p) => (p.name === f.part ? { ...p, declared: INFLATE_CAPS.part + 1 } : p)));
    expect(() => fastSnapshot(liar)).toThrow(/phần xl\/worksheets\/sheet\d+\.xml giải nén ra hơn 128 MB/);
  });

  it("in a process of its own, eight honest forms and four hostile ones: every honest entry, two refused, peak memory under 1,5 GB", () => {
    const script = join(__dirname, "../../src/bench/hostileCollect.ts");
    const work = mkdtempSync(join(tmpdir(), "im-hostile-peak-"));
    execFileSync(process.execPath, ["--import", "tsx", script, "prepare", work], { stdio: "pipe" });
    const run = JSON.parse(execFileSync(process.execPath, ["--import", "tsx", script, "collect", work], { encoding: "utf8" }).trim().split("\n").pop()!) as { code: number; edits: number; refused: number; peak_mb: number };
    expect(run).toMatchObject({ code: 0, edits: 10 * 50 * 12, refused: 2 });
    expect(run.peak_mb).toBeLessThan(1536);
  }, 240_000);
});
