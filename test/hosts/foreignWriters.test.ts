import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildWorkbookPlan } from "../../src/sheets/workbook";
import { applyEntries } from "../../src/sheets/entries";
import { entriesOf, readExisting } from "../../src/sheets/existing";
import { planFileRefresh, readEntriesFile, readWorkbookFile, snapshotOfWorkbookFile, writeFileRefresh, writeWorkbookFile } from "../../src/hosts/xlsx/files";
import { normalizePackage, relativeTo } from "../../src/hosts/xlsx/package";
import { convert } from "../helpers/libreoffice";
import { absoluteTargets, inlineStrings, withoutOptionalParts } from "../helpers/foreign";
import { seedCatalog } from "../helpers/seedCatalog";
import type { Catalog } from "../../src/model";

/**
 * Workbooks saved by other programs refresh like ours: LibreOffice (a real round trip through soffice), a
 * writer that names parts by absolute path (openpyxl's way), inline strings instead of shared strings, and a
 * package without its optional property parts. Each: the entries read back equal, a refresh with the same
 * documents changes nothing (no sheet "renamed", none "not in the source"), and a real refresh keeps every entry.
 */
const PLAN = "TV-QD77-2025";
const OPTIONS = { asOf: "31/12/2025", tolerance: 0.05, now: "01/12/2026 09:00", plans: [PLAN] };
const dir = mkdtempSync(join(tmpdir(), "im-foreign-"));

function catalog(): Catalog {
  return { plans: seedCatalog().catalog.plans.filter((p) => p.id === PLAN) };
}

function revised(): Catalog {
  const c = structuredClone(catalog());
  const ind = c.plans[0]!.appendices.find((a) => a.id === "IV")!.indicators[0]!;
  ind.target = { ...ind.target, text: `${ind.target.text} (sửa)` };
  return c;
}

const ours = join(dir, "ours.xlsx");
let expected: ReturnType<typeof entriesOf>;

beforeAll(async () => {
  const plan = buildWorkbookPlan(catalog(), { asOf: OPTIONS.asOf });
  const ids = catalog().plans[0]!.appendices.find((a) => a.id === "IV")!.indicators.filter((i) => i.level === 0).map((i) => i.id);
  const values = [12.5, "1.800", "abc", 7, "Đạt", "2,5"];
  const { plan: filled } = applyEntries(plan, ids.slice(0, values.length).map((key, k) => ({ line: k + 1, key, period: "2025", value: values[k]! })));
  await writeWorkbookFile(filled, ours);
  expected = entriesOf(readExisting(await snapshotOfWorkbookFile(ours)));
  expect(Object.keys(expected.actuals)).toHaveLength(values.length);
}, 60_000);

const variants: [string, () => Promise<string>][] = [
  ["saved by LibreOffice", async () => convert(ours, "xlsx:Calc MS Excel 2007 XML", mkdtempSync(join(dir, "lo-")))],
  ["absolute part names (openpyxl)", async () => write("absolute.xlsx", await absoluteTargets(readFileSync(ours)))],
  ["inline strings, no shared strings", async () => write("inline.xlsx", await inlineStrings(readFileSync(ours)))],
  ["no docProps", async () => write("noprops.xlsx", await withoutOptionalParts(readFileSync(ours)))],
];

function write(name: string, bytes: Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

describe.each(variants)("a workbook %s", (_, make) => {
  let file: string;
  beforeAll(async () => {
    file = await make();
  }, 180_000);

  test("reads back the same entries", async () => {
    const entries = entriesOf(readExisting(await snapshotOfWorkbookFile(file)));
    expect(entries.actuals).toEqual(expected.actuals);
  });

  test("refreshed with the same documents: no changes, every sheet found under its name", async () => {
    const refresh = await planFileRefresh(file, catalog(), OPTIONS);
    expect(refresh.changes).toEqual([]);
    expect(refresh.notices.filter((n) => /đổi tên|renamed|không có trong/i.test(`${n.vi} ${n.en}`))).toEqual([]);
  });

  test("refreshed with a revised target: written, every entry kept", async () => {
    const refresh = await planFileRefresh(file, revised(), OPTIONS);
    expect(refresh.changes.map((c) => c.kind)).toEqual(["target"]);
    const out = join(dir, `refreshed-${Math.random().toString(36).slice(2)}.xlsx`);
    await writeFileRefresh(file, out, refresh);
    expect((await readEntriesFile(out)).actuals).toEqual(expected.actuals);
  }, 60_000);

  test("loads whole (the path a refresh takes when staff sheets must be kept) with every sheet under its name", async () => {
    const names = (await readWorkbookFile(file)).worksheets.map((w) => w.name);
    expect(names).toEqual((await readWorkbookFile(ours)).worksheets.map((w) => w.name));
    expect((await readEntriesFile(file)).actuals).toEqual(expected.actuals);
  });
});

describe("package normalisation", () => {
  test("relative targets are computed from the source part's folder", () => {
    expect(relativeTo("xl/", "xl/worksheets/sheet1.xml")).toBe("worksheets/sheet1.xml");
    expect(relativeTo("", "xl/workbook.xml")).toBe("xl/workbook.xml");
    expect(relativeTo("xl/worksheets/", "xl/drawings/drawing1.xml")).toBe("../drawings/drawing1.xml");
  });

  test("our own package needs no rewriting and is passed through byte for byte", async () => {
    const bytes = readFileSync(ours);
    const n = await normalizePackage(bytes);
    expect(n.rewritten).toEqual([]);
    expect(n.bytes).toBe(bytes);
  });
});
