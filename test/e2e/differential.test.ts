import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { judgeCell } from "../../src/evaluate/judge";
import { formatNumber } from "../../src/parse/number";
import { parseTarget } from "../../src/parse/target";
import { emptyTarget, type Direction, type Target } from "../../src/model";
import {
  achievementFormula,
  gapFormula,
  isCountUnit,
  numberFormula,
  readingFormula,
  statusCodeFormula,
  targetHelpers,
  textFormula,
  valueFormula,
  wordsFormula,
  wordListSheet,
  type BlockRefs,
  type RowRefs,
} from "../../src/sheets/formulas";
import type { Cell, SheetPlan, SheetSpec } from "../../src/sheets/plan";
import { writeWorkbookFile } from "../../src/hosts/xlsx/files";
import { recalculatedCsv } from "../helpers/libreoffice";

/**
 * The workbook's status formulas and the engine agree: generated (target, direction, actual) cases around every
 * boundary of every kind of target are written with the production formulas, recalculated by LibreOffice, and
 * each status is compared with `judge`.
 */
interface Case {
  target: Target;
  direction: Direction;
  unit: string;
  actual: string | number | null;
  baseline: number | null;
  tolerance: number;
}

const t = (kind: Target["kind"], f: Partial<Target>): Target => ({ ...emptyTarget("", kind), ...f });

const TEMPLATES: { target: Target; directions: Direction[]; unit: string; baseline?: number }[] = [
  { target: t("at_least", { min: 95.1 }), directions: ["higher"], unit: "%" },
  { target: t("at_least", { min: 91, minInclusive: false }), directions: ["higher"], unit: "%" },
  { target: t("at_most", { max: 3, maxInclusive: false }), directions: ["lower"], unit: "%" },
  { target: t("at_most", { max: 2 }), directions: ["lower"], unit: "Số ca/1.000 trẻ đẻ sống" },
  { target: t("exact", { min: 99.8, max: 99.8 }), directions: ["higher", "lower", "band"], unit: "%" },
  { target: t("exact", { min: 0, max: 0 }), directions: ["higher", "lower"], unit: "%" },
  { target: t("exact", { min: 1800, max: 1800 }), directions: ["higher"], unit: "Hộ" },
  { target: t("exact", { min: 40, max: 40, approx: true }), directions: ["higher", "lower"], unit: "%" },
  { target: t("range", { min: 7, max: 7.5 }), directions: ["higher", "lower", "band"], unit: "%" },
  { target: t("range", { min: 30000, max: 32000 }), directions: ["higher"], unit: "tỷ đồng" },
  { target: t("rank", { min: 35, max: 40 }), directions: ["lower"], unit: "Thứ hạng" },
  { target: t("rank", { min: 47, max: 47 }), directions: ["lower"], unit: "Thứ hạng" },
  { target: t("maintain", { max: 3, maxInclusive: false }), directions: ["lower", "higher"], unit: "%" },
  { target: t("maintain", { min: 4.2, minInclusive: false }), directions: ["higher"], unit: "%" },
  { target: t("maintain", { min: 100, max: 100 }), directions: ["higher", "lower"], unit: "%" },
  { target: t("stretch", { min: 9.77, stretch: 14.43 }), directions: ["higher"], unit: "%" },
  { target: t("stretch", { min: 3, stretch: 2 }), directions: ["lower"], unit: "%" },
  { target: t("stretch", { min: 107.27, stretch: 110.22, index: true }), directions: ["higher"], unit: "" },
  { target: t("exact", { min: 107.27, max: 107.27, index: true }), directions: ["higher"], unit: "" },
  { target: t("reduction", { min: 0.15, change: "points" }), directions: ["lower"], unit: "%", baseline: 1.45 },
  { target: t("reduction", { min: 5, change: "percent" }), directions: ["lower"], unit: "tỷ đồng", baseline: 200 },
  { target: t("reduction", { min: 1.62, change: "points", perYear: true }), directions: ["lower"], unit: "%", baseline: 9.78 },
  { target: t("growth", { min: 10, change: "percent" }), directions: ["higher"], unit: "tỷ đồng", baseline: 100 },
  { target: t("growth", { min: 5, change: "units" }), directions: ["higher"], unit: "xã", baseline: 20 },
  { target: { ...parseTarget("100% xã"), unit: "%" }, directions: ["higher"], unit: "xã" },
  { target: t("qualitative", { expected: "Đạt" }), directions: ["higher"], unit: "Tỉnh" },
  { target: t("none", {}), directions: ["higher"], unit: "%" },
  { target: t("unparsed", {}), directions: ["higher"], unit: "%" },
  { target: t("composite", {}), directions: ["higher"], unit: "" },
];

/** Values around each bound: on it, a hair either side, just inside and outside the tolerance, far away. */
function probes(target: Target, tolerance: number, baseline: number | undefined): number[] {
  const bounds = [target.min, target.max, target.stretch].filter((v): v is number => v !== null);
  const out = new Set<number>();
  const add = (v: number) => out.add(Number(v.toFixed(6)));
  if (target.kind === "reduction" || target.kind === "growth") {
    const b = baseline ?? 0;
    const r = target.min! * (target.perYear ? 2 : 1);
    const step = target.change === "percent" ? (b * r) / 100 : r;
    for (const f of [0, 0.5, 0.96, 0.94, 1, 1.2, 3, -1]) add(target.kind === "reduction" ? b - step * f : b + step * f);
    return [...out];
  }
  for (const v of bounds) {
    const scale = Math.abs(target.index ? v - 100 : v) || 1;
    for (const d of [0, 1e-4, -1e-4, 0.5, -0.5]) add(v + d * scale);
    for (const k of [1, 2]) {
      add(v + tolerance * scale * k - 1e-4 * scale);
      add(v + tolerance * scale * k + 1e-4 * scale);
      add(v - tolerance * scale * k + 1e-4 * scale);
      add(v - tolerance * scale * k - 1e-4 * scale);
    }
  }
  if (out.size === 0) [0, 50, 100].forEach(add);
  return [...out];
}

function cases(): Case[] {
  const all: Case[] = [];
  const words = ["", "x", "n/a", "Đạt", "Không đạt", "chưa đạt", "abc", "#DIV/0!", "61-62", "Xuất siêu"];
  for (const tpl of TEMPLATES) {
    for (const direction of tpl.directions) {
      for (const tolerance of [0.05, 0.1]) {
        const baseline = tpl.baseline ?? null;
        const nums = probes(tpl.target, tolerance, tpl.baseline);
        for (const v of nums) {
          all.push({ target: tpl.target, direction, unit: tpl.unit, actual: v, baseline, tolerance });
          // The same value typed the vi-VN way, and with a percent sign where it is a percentage.
          all.push({ target: tpl.target, direction, unit: tpl.unit, actual: formatNumber(v, 4, "vi"), baseline, tolerance });
          if (tpl.unit === "%" || tpl.target.index) all.push({ target: tpl.target, direction, unit: tpl.unit, actual: `${formatNumber(v, 4, "vi")}%`, baseline, tolerance });
          // As reports write it: with words of estimate, or with the row's unit.
          if (tolerance === 0.05) {
            all.push({ target: tpl.target, direction, unit: tpl.unit, actual: `ước đạt ${formatNumber(v, 4, "vi")}${tpl.unit === "%" ? "%" : ""}`, baseline, tolerance });
            if (tpl.unit !== "") all.push({ target: tpl.target, direction, unit: tpl.unit, actual: `${formatNumber(v, 4, "vi")} ${tpl.unit}`, baseline, tolerance });
          }
        }
        if (tolerance === 0.05) {
          for (const w of words) all.push({ target: tpl.target, direction, unit: tpl.unit, actual: w, baseline, tolerance });
          all.push({ target: tpl.target, direction, unit: tpl.unit, actual: null, baseline, tolerance });
          all.push({ target: tpl.target, direction, unit: tpl.unit, actual: "1.800", baseline, tolerance });
          all.push({ target: tpl.target, direction, unit: tpl.unit, actual: "1,800", baseline, tolerance });
          all.push({ target: tpl.target, direction, unit: tpl.unit, actual: "107.27", baseline, tolerance });
          all.push({ target: tpl.target, direction, unit: tpl.unit, actual: "7,5%", baseline, tolerance });
          // Words around a value that the cells read, and ones they must not (numbers apart, bounds, another unit).
          for (const w of ["Ước tính 95,1%", "dự ước 1.800", "ĐẠT 7", "7 đạt", "Ước thực hiện  12", "2025 đạt 7", "ước 7 đạt 5", "trên 5", "khoảng 3%", "12 xã", "ước đạt", "đạt chuẩn"]) {
            all.push({ target: tpl.target, direction, unit: tpl.unit, actual: w, baseline, tolerance });
          }
          all.push({ target: tpl.target, direction, unit: tpl.unit, actual: `ước đạt 30.500 ${tpl.unit.toUpperCase()}`, baseline, tolerance });
          if (baseline !== null) all.push({ target: tpl.target, direction, unit: tpl.unit, actual: 1, baseline: null, tolerance });
        }
      }
    }
  }
  return all;
}

// Columns of the test sheet: A actual, B direction, C tolerance, D percent unit, E count unit, F min, G max,
// H stretch, I baseline, J years, K text, L number, M reading, N value, O status code, P gap, Q achievement,
// R the unit as the sheet shows it, S the entry without words of estimate and unit.
const ROW: RowRefs = { direction: "B", tolerance: "C", percentUnit: "D", countUnit: "E", unit: "R" };
const BLOCK: BlockRefs = { actual: "A", min: "F", max: "G", stretch: "H", baseline: "I", years: "J", words: "S", text: "K", number: "L", reading: "M", value: "N", code: "O" };

/** The cases as a sheet plan, written by the production xlsx host with the word lists it needs. */
function casesPlan(all: Case[]): SheetPlan {
  const rows: Cell[][] = all.map((c, i) => {
    const r = i + 1;
    const h = targetHelpers(c.target, c.unit, 2);
    return [
      { value: c.actual },
      { value: c.direction },
      { value: c.tolerance },
      { value: c.unit.trim() === "%" },
      { value: isCountUnit(c.unit) },
      { value: h.min },
      { value: h.max },
      { value: h.stretch },
      { value: c.baseline },
      { value: h.years },
      { formula: textFormula(r, BLOCK) },
      { formula: numberFormula(r, BLOCK, ROW) },
      { formula: readingFormula(r, BLOCK, ROW) },
      { formula: valueFormula(r, BLOCK, h) },
      { formula: statusCodeFormula(r, BLOCK, ROW, h) },
      { formula: gapFormula(r, BLOCK, ROW, h) },
      { formula: achievementFormula(r, BLOCK, ROW, h) },
      { value: c.unit },
      { formula: wordsFormula(r, BLOCK, ROW) },
    ];
  });
  const lists = wordListSheet();
  const sheet: SheetSpec = {
    ...lists.sheet,
    name: "Cases",
    kind: "indicators",
    hidden: false,
    columns: rows[0]!.map((_, k) => ({ key: `c${k}`, header: "", width: 10 })),
    rows,
    print: { ...lists.sheet.print, area: `A1:S${rows.length}` },
  };
  return { title: "cases", styles: {}, sheets: [sheet, lists.sheet], names: lists.names };
}

describe("the workbook's status formulas agree with the engine (LibreOffice recalculation)", () => {
  const all = cases();

  test("there are over a thousand generated cases covering every kind of target", () => {
    expect(all.length).toBeGreaterThan(1000);
    expect(new Set(all.map((c) => c.target.kind)).size).toBe(13);
    const statuses = new Set(all.map((c) => judgeCell(c.target, c.direction, c.actual, { unit: c.unit, baseline: c.baseline, years: 2, tolerance: c.tolerance }).status));
    expect([...statuses].sort()).toEqual(["exceeded", "invalid", "met", "near", "no_data", "not_applicable", "shortfall"]);
    // Entries with words of estimate or the unit are among them, and most read as values.
    const worded = all.filter((c) => typeof c.actual === "string" && /ước|đạt|dự|[a-zđ]$/iu.test(c.actual) && /\d/.test(c.actual));
    const read = worded.filter((c) => judgeCell(c.target, c.direction, c.actual, { unit: c.unit, baseline: c.baseline, years: 2, tolerance: c.tolerance }).status !== "invalid");
    expect(worded.length).toBeGreaterThan(400);
    expect(read.length / worded.length).toBeGreaterThan(0.6);
  });

  test("every status computed by LibreOffice equals the engine's", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "im-diff-")), "cases.xlsx");
    await writeWorkbookFile(casesPlan(all), file);
    const rows = recalculatedCsv(file);
    const mismatches: string[] = [];
    const numberMismatches: string[] = [];
    const close = (sheet: string | undefined, engine: number | null) =>
      engine === null ? sheet === "" : sheet !== undefined && sheet !== "" && Math.abs(Number(sheet) - engine) <= 1e-6 * Math.max(1, Math.abs(engine));
    all.forEach((c, i) => {
      const judged = judgeCell(c.target, c.direction, c.actual, { unit: c.unit, baseline: c.baseline, years: 2, tolerance: c.tolerance });
      const engine = judged.status;
      const sheet = rows[i]?.[14];
      if (!close(rows[i]?.[15], judged.gap) || !close(rows[i]?.[16], judged.achievement)) {
        numberMismatches.push(`row ${i + 1}: ${c.target.kind} ${c.direction} actual ${JSON.stringify(c.actual)}: gap ${judged.gap} vs ${rows[i]?.[15]}, achievement ${judged.achievement} vs ${rows[i]?.[16]}`);
      }
      if (sheet !== engine) {
        mismatches.push(`row ${i + 1}: ${c.target.kind} ${c.direction} [${c.target.min}, ${c.target.max}] unit “${c.unit}” actual ${JSON.stringify(c.actual)} baseline ${c.baseline} tol ${c.tolerance}: engine ${engine}, sheet ${sheet} (reading ${rows[i]?.[12]}, value ${rows[i]?.[13]})`);
      }
    });
    expect(mismatches.slice(0, 15)).toEqual([]);
    expect(numberMismatches.slice(0, 15)).toEqual([]);
  }, 240_000);
});
