import { buildWorkbookPlan } from "../../src/sheets/workbook";
import { seededRandom } from "../helpers/random";
import { readExisting, snapshotOfPlan, type SnapshotCell, type WorkbookSnapshot } from "../../src/sheets/existing";
import { refreshWorkbook, type Refresh } from "../../src/sheets/merge";
import { KEY_ROW, RETIRED_LABEL } from "../../src/sheets/indicatorSheet";
import { appendixIvRows, tvCatalog, TV } from "../helpers/refresh";

/**
 * 200 random scenarios of a revised plan meeting a workbook staff have used: source edits (targets changed, rows
 * removed, added with the rest renumbered, swapped) and staff edits (the table sorted, a column added, values
 * typed over a formula, below the table or off to the right, the sheet renamed). After each refresh: every
 * entry and note is still with its own indicator, every typed value is kept or reported and backed up, every
 * change is logged, and a second refresh changes nothing. The failing seed is printed; IM_SEED reruns it.
 */
const BASE_SEED = Number(process.env.IM_SEED ?? 20261122);
const SCENARIOS = 200;
const SHEET = "TV-QD77-2025 IV";
const OPTIONS = { asOf: "30/06/2025", tolerance: 0.05, now: "22/11/2026 10:00" };


const ORIGINAL = appendixIvRows().rows;
const FRESH_PLAN = buildWorkbookPlan(tvCatalog(), { asOf: OPTIONS.asOf, plans: [TV] });

/** Random edits of appendix IV's rows, as a revised decision would make them. */
function editSource(random: () => number, log: string[]): string[] {
  let rows = [...ORIGINAL];
  const coded = () => rows.map((l, k) => ({ l, k })).filter(({ l }) => /^\d+\t/.test(l));
  const pick = <T,>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const renumberFrom = (from: number, by: number) => {
    rows = rows.map((l) => l.replace(/^(\d+)\t/, (m, c: string) => (Number(c) >= from ? `${Number(c) + by}\t` : m)));
  };
  const edits = 1 + Math.floor(random() * 4);
  for (let e = 0; e < edits; e++) {
    const kind = pick(["target", "remove", "add", "swap"] as const);
    const { l, k } = pick(coded());
    const code = Number(/^(\d+)/.exec(l)![1]);
    if (kind === "target") {
      const cells = l.split("\t");
      cells[3] = pick([`≥ ${Math.floor(random() * 100)}`, `< ${Math.floor(random() * 10)}`, "Đạt", `${Math.floor(random() * 50)} đến ${50 + Math.floor(random() * 50)}`]);
      rows[k] = cells.join("\t");
      log.push(`target ${code} → ${cells[3]}`);
    } else if (kind === "remove") {
      rows.splice(k, 1);
      renumberFrom(code + 1, -1);
      log.push(`remove ${code}`);
    } else if (kind === "add") {
      const name = `Chỉ tiêu bổ sung ${Math.floor(random() * 1e6)}`;
      renumberFrom(code, 1);
      rows.splice(k, 0, `${code}\t${name}\t%\t≥ ${Math.floor(random() * 100)}\tSở Tài chính`);
      log.push(`add ${code} ${name}`);
    } else {
      const next = coded().find((x) => x.k > k);
      if (!next) continue;
      const nextCode = /^(\d+)/.exec(next.l)![1];
      rows[k] = next.l.replace(/^\d+\t/, `${code}\t`);
      rows[next.k] = l.replace(/^\d+\t/, `${nextCode}\t`);
      log.push(`swap ${code} ${nextCode}`);
    }
  }
  return rows;
}

interface Typed {
  /** Note token → the indicator's name and the actual typed with it. */
  entries: Map<string, { name: string; actual: number | { formula: string } }>;
  /** Values staff typed in their own column or below the table, which must still be in the sheet. */
  kept: { text: string; name: string | null }[];
  /** Values typed over a formula or above the table, which must be reported and backed up. */
  overwritten: string[];
  sheet: string;
}

/** The sheet's rows as staff see them: key → column, and each data row's values. */
function rowsOf(snapshot: WorkbookSnapshot, sheet: string): { keys: string[]; rows: SnapshotCell[][] } {
  const s = snapshot.sheets.find((x) => x.name === sheet)!;
  const keyRow = s.rows.findIndex((r) => r.includes("id"));
  return { keys: s.rows[keyRow]!.map((k) => (typeof k === "string" ? k : "")), rows: s.rows.slice(keyRow + 2) };
}

/** Random staff work on the fresh workbook: entries and notes, then odd edits. */
function useWorkbook(random: () => number, log: string[]): { snapshot: WorkbookSnapshot; typed: Typed } {
  const snapshot = snapshotOfPlan(FRESH_PLAN.sheets);
  const sheet = snapshot.sheets.find((s) => s.name === SHEET)!;
  const keys = sheet.rows[KEY_ROW - 1]!.map(String);
  const col = (k: string) => keys.indexOf(k);
  const first = KEY_ROW + 1;
  const typed: Typed = { entries: new Map(), kept: [], overwritten: [], sheet: SHEET };
  const dataRows = sheet.rows.slice(first).filter((r) => typeof r[col("id")] === "string" && /\.[0-9a-f]{6}$/.test(String(r[col("id")])));
  dataRows.forEach((r, k) => {
    if (random() < 0.3) return;
    // Now and then staff type a formula where the actual goes; it is theirs and stays a formula.
    const actual = random() < 0.15 ? { formula: `${Math.floor(random() * 900)}/${1 + Math.floor(random() * 9)}` } : Math.round(random() * 10000) / 100;
    const token = `ghi chú ${k}`;
    r[col("actual:2025")] = actual;
    r[col("note")] = token;
    typed.entries.set(token, { name: String(r[col("name")]), actual });
  });
  const width = Math.max(...sheet.rows.map((r) => r.length));
  if (random() < 0.5) {
    // A column of their own, right of the table, with a header.
    sheet.rows[KEY_ROW]![width] = "Nguồn số liệu";
    dataRows.forEach((r, k) => {
      if (random() < 0.4) {
        r[width] = `nguồn ${k}`;
        typed.kept.push({ text: `nguồn ${k}`, name: String(r[col("name")]) });
      }
    });
    log.push("user column");
  }
  if (random() < 0.4) {
    // A value typed over a status formula.
    const r = dataRows[Math.floor(random() * dataRows.length)]!;
    r[col("status:2025")] = "đạt rồi";
    typed.overwritten.push("đạt rồi");
    log.push("typed over a status");
  }
  if (random() < 0.4) {
    // A value typed off to the right of a row, without a header.
    const r = dataRows[Math.floor(random() * dataRows.length)]!;
    r[width + 2] = "ghi tạm";
    typed.kept.push({ text: "ghi tạm", name: String(r[col("name")]) });
    log.push("typed off to the right");
  }
  if (random() < 0.3) {
    // A note on a section heading's row.
    const heading = sheet.rows.slice(first).find((r) => typeof r[col("id")] === "string" && String(r[col("id")]).startsWith("§"))!;
    heading[col("note")] = "ghi chú cả mục";
    typed.kept.push({ text: "ghi chú cả mục", name: null });
    log.push("note on a section heading");
  }
  if (random() < 0.3) {
    // A remark above the table, beside the title.
    sheet.rows[1]![width + 1] = "gửi Sở Tài chính";
    typed.overwritten.push("gửi Sở Tài chính");
    log.push("typed above the table");
  }
  if (random() < 0.4) {
    // A row of their own below the table.
    const row: SnapshotCell[] = Array.from({ length: width }, () => null);
    row[col("name")] = "Dòng người dùng thêm";
    row[col("actual:2025")] = 42;
    sheet.rows.push(row);
    typed.kept.push({ text: "Dòng người dùng thêm", name: null });
    log.push("user row");
  }
  if (random() < 0.4) {
    // The table sorted by name (Excel moves whole rows, hidden columns included).
    const body = sheet.rows.splice(first);
    body.sort((a, b) => String(a[col("name")] ?? "").localeCompare(String(b[col("name")] ?? ""), "vi"));
    sheet.rows.push(...body);
    log.push("sorted");
  }
  if (random() < 0.3) {
    sheet.name = "Phụ lục IV (theo dõi)";
    typed.sheet = sheet.name;
    log.push("renamed");
  }
  return { snapshot, typed };
}

function check(refresh: Refresh, typed: Typed, catalog: ReturnType<typeof tvCatalog>): void {
  const after = snapshotOfPlan(refresh.plan.sheets);
  const { keys, rows } = rowsOf(after, typed.sheet);
  const at = (r: SnapshotCell[], k: string) => r[keys.indexOf(k)];
  // 1. Every entry and note, once, with its own indicator.
  for (const [token, e] of typed.entries) {
    const holders = rows.filter((r) => at(r, "note") === token);
    expect(holders.map((r) => [at(r, "name"), at(r, "actual:2025")])).toEqual([[e.name, e.actual]]);
  }
  // 2. Staff's own values are still in the sheet, on their indicator's row.
  for (const k of typed.kept) {
    const holders = rows.filter((r) => r.includes(k.text));
    expect(holders.length).toBeGreaterThanOrEqual(1);
    if (k.name) expect(holders.some((r) => at(r, "name") === k.name)).toBe(true);
  }
  // 3. Values typed over formulas are reported and in the backup.
  const backup = after.sheets.find((s) => s.name === "_IM_SAOLUU")!;
  for (const v of typed.overwritten) {
    expect(refresh.notices.some((n) => n.vi.includes(v))).toBe(true);
    expect(backup.rows.some((r) => r.includes(v))).toBe(true);
  }
  // 4. Every change is in the log.
  const log = after.sheets.find((s) => s.name === "Nhật ký thay đổi")!;
  expect(log.rows.length - 2).toBe(refresh.changes.length);
  // 5. Statuses are formulas on plan rows, the retired label on rows gone from the plan.
  for (const r of rows) {
    const status = at(r, "status:2025");
    if (status === RETIRED_LABEL) expect(catalog.plans[0]!.appendices.some((a) => a.indicators.some((i) => i.id === at(r, "id")))).toBe(false);
    else if (typeof at(r, "id") === "string" && /\.[0-9a-f]{6}$/.test(String(at(r, "id")))) expect(status).toEqual({ formula: expect.stringContaining("MATCH(") });
  }
  // 6. A second refresh with the same source changes nothing and gives the same sheets.
  const again = refreshWorkbook(catalog, readExisting(after), { ...OPTIONS, now: "23/11/2026 08:00" });
  expect(again.changes).toEqual([]);
  const sheetOf = (r: Refresh) => r.plan.sheets.find((s) => s.name === typed.sheet)!.rows;
  expect(sheetOf(again)).toEqual(sheetOf(refresh));
}

describe(`refresh: ${SCENARIOS} random scenarios (seed ${BASE_SEED})`, () => {
  it("never loses or moves an entry, logs every change, and is idempotent", () => {
    for (let s = 0; s < SCENARIOS; s++) {
      const seed = BASE_SEED + s;
      const random = seededRandom(seed);
      const log: string[] = [];
      try {
        const catalog = tvCatalog(editSource(random, log));
        const { snapshot, typed } = useWorkbook(random, log);
        const refresh = refreshWorkbook(catalog, readExisting(snapshot), OPTIONS);
        check(refresh, typed, catalog);
      } catch (e) {
        throw new Error(`scenario failed — rerun with IM_SEED=${seed}: ${log.join("; ")}\n${(e as Error).message}`, { cause: e });
      }
    }
  });
});
