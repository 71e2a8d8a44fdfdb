import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildWorkbookPlan, scenarioLinks } from "../../src/sheets/workbook";
import { writeWorkbookFile } from "../../src/hosts/xlsx/files";
import { judgeIndicatorPace, type Pace } from "../../src/evaluate/pace";
import { accumulationOf, ACCUMULATION_LABELS, type Accumulation } from "../../src/evaluate/accumulation";
import { baselineFor } from "../../src/evaluate/indicator";
import { combineParts, type Judgement } from "../../src/evaluate/judge";
import { periodsOf, type Calendar } from "../../src/model/period";
import { emptyTarget, type Indicator, type Target } from "../../src/model";
import type { Entries, SheetCarry } from "../../src/sheets/indicatorSheet";
import type { SheetSpec } from "../../src/sheets/plan";
import type { Status } from "../../src/model/status";
import { seedCatalog } from "../helpers/seedCatalog";
import { seededRandom } from "../helpers/random";
import { recalculatedCsv } from "../helpers/libreoffice";

/**
 * In-year pace on the seed plans' own sheets: period entries of every kind staff type (on pace, behind, a month
 * skipped, a space, a word, nothing yet), flows and levels (and the sheet's "Cộng dồn" turned the other way),
 * the GRDP growth judged against the plan's quarterly scenario, a five-year table's reporting year. Each sheet is
 * written with the production builder, recalculated by LibreOffice, and every row's figure to date, year-end
 * estimate and pace code is compared with the engine's (evaluate/pace.ts).
 */
interface Variant {
  name: string;
  calendar: Calendar;
  plan: string;
  appendix: string;
  asOf: string;
  seed: number;
}

const VARIANTS: Variant[] = [
  { name: "Trà Vinh 2025, phụ lục II, tháng", calendar: "month", plan: "TV-QD77-2025", appendix: "II", asOf: "15/06/2025", seed: 1 },
  { name: "Trà Vinh 2025, phụ lục IV, quý", calendar: "quarter", plan: "TV-QD77-2025", appendix: "IV", asOf: "20/10/2025", seed: 2 },
  { name: "Kiên Giang 2021-2025 (năm 2025), 6 tháng", calendar: "half", plan: "KG-KH5N-2021-2025", appendix: "BB", asOf: "10/07/2025", seed: 3 },
  { name: "Trà Vinh 2025, phụ lục II, 9 tháng, theo dõi đầu năm 2026", calendar: "nine", plan: "TV-QD77-2025", appendix: "II", asOf: "05/01/2026", seed: 4 },
];

const figure = (t: Target) => Math.abs(t.min ?? t.max ?? t.stretch ?? 10) || 10;

/** One row's period cells, by pattern: the figures a flow or a level would have on pace, behind or ahead. */
function periodCells(pattern: number, calendar: Calendar, t: Target, flow: boolean, rnd: () => number): (number | string | null)[] {
  const periods = periodsOf(calendar);
  const share = (p: { from: number; to: number }) => (flow ? (p.to - p.from + 1) / 12 : 1);
  const around = (k: number) => periods.map((p) => Math.round(figure(t) * share(p) * k * (0.97 + rnd() * 0.06) * 1000) / 1000);
  const upTo = (cells: (number | string | null)[], n: number) => cells.map((c, i) => (i < n ? c : null));
  const n = periods.length;
  switch (pattern % 9) {
    case 0:
      return upTo(around(1.02), Math.max(1, Math.floor(n / 2)));
    case 1:
      return upTo(around(0.8), Math.max(1, n - 1));
    case 2:
      return around(1.15);
    case 3: {
      const cells = upTo(around(0.99), n);
      if (n > 2) cells[1] = null; // a period skipped
      return cells;
    }
    case 4:
      return periods.map(() => null);
    case 5: {
      const cells = upTo(around(1), Math.max(1, n - 1));
      cells[0] = "chưa có"; // a word: flagged
      return cells;
    }
    case 6: {
      const cells = upTo(around(0.95), n);
      cells[n - 1] = " "; // a space is nothing
      return cells;
    }
    case 7:
      return upTo(around(0.6), 1);
    default:
      return upTo(around(1.3), Math.max(1, n - 1));
  }
}

/** The target the sheet's pace is judged against: the reporting year's (five-year table) or the plan's. */
function yearTarget(sheet: SheetSpec, ind: Indicator, year: string): Target {
  const years = sheet.columns.filter((c) => /^status:\d{4}$/.test(c.key));
  return years.length > 1 ? (ind.yearly[year] ?? emptyTarget("", "none")) : ind.target;
}

describe("in-year pace: the workbook's formulas agree with the engine (LibreOffice recalculation)", () => {
  const { catalog } = seedCatalog();
  const links = scenarioLinks(catalog);

  it("links the Trà Vinh GRDP growth and its sectors to the quarterly scenario (Phụ lục IIIa/IIIb), and nothing else", () => {
    const linked = [...links.keys()].sort();
    expect(linked).toEqual(expect.arrayContaining(["TV-QD77-2025.II.1.1.f866db", "TV-QD77-2025.II.1.4.3c3e32", "TV-QD77-2025.II.1.5.5cc9c9"]));
    expect(linked.every((id) => id.startsWith("TV-QD77-2025.II.1."))).toBe(true);
    // 6 months of the base scenario: index 106,95 → 6,95 points of growth.
    expect(links.get("TV-QD77-2025.II.1.1.f866db")![1].min).toBeCloseTo(6.95, 6);
  });

  for (const v of VARIANTS) {
    it(`${v.name}: figure to date, estimate and pace equal for every row`, () => {
      const rnd = seededRandom(v.seed);
      const sheetPlan = catalog.plans.find((p) => p.id === v.plan)!;
      const indicators = sheetPlan.appendices.find((a) => a.id === v.appendix)!.indicators;
      const entries: Entries = { actuals: {}, notes: {}, baselines: {} };
      const turned: Record<string, Record<string, string>> = {};
      const probe = buildWorkbookPlan(catalog, { asOf: v.asOf, plans: [v.plan], appendices: [`${v.plan}.${v.appendix}`], calendar: v.calendar });
      const probeSheet = probe.sheets.find((s) => s.kind === "indicators")!;
      const periodKey = probeSheet.columns.find((c) => /^actual:\d{4}-/.test(c.key))!.key;
      const year = periodKey.slice(7, 11);
      indicators.forEach((ind, k) => {
        const t = yearTarget(probeSheet, ind, year);
        let accumulation: Accumulation = accumulationOf(ind).kind;
        if (k % 7 === 3) {
          accumulation = accumulation === "flow" ? "level" : "flow";
          turned[ind.id] = { accumulate: ACCUMULATION_LABELS[accumulation].vi };
        }
        const cells = periodCells(k, v.calendar, t, accumulation === "flow", rnd);
        entries.actuals[ind.id] = Object.fromEntries(periodsOf(v.calendar).map((p, i) => [`${year}-${p.key}`, cells[i]!]));
        if (t.kind === "reduction" || t.kind === "growth") entries.baselines[ind.id] = Math.round(figure(t) * 10 * (0.5 + rnd())) / 10;
        if (k % 3 === 0) entries.actuals[ind.id]![String(Number(year) - 1)] = Math.round(figure(t) * 100) / 100;
      });
      const carry: Record<string, SheetCarry> = { [probeSheet.name]: { values: turned, rows: [], columns: [], formulas: {} } };
      const plan = buildWorkbookPlan(catalog, { asOf: v.asOf, plans: [v.plan], appendices: [`${v.plan}.${v.appendix}`], calendar: v.calendar, entries }, carry);
      const sheet = plan.sheets.find((s) => s.kind === "indicators")!;
      plan.sheets = [sheet, ...plan.sheets.filter((s) => s !== sheet)];
      const file = join(mkdtempSync(join(tmpdir(), "im-pace-")), "pace.xlsx");
      return writeWorkbookFile(plan, file).then(() => {
        const csv = recalculatedCsv(file, false);
        const at = (key: string) => sheet.columns.findIndex((c) => c.key === key);
        const [codeCol, toDateCol, estimateCol, paceCol] = [at("h:pace:code"), at("todate"), at("estimate"), at("pace")];
        expect(Math.min(codeCol, toDateCol, estimateCol, paceCol)).toBeGreaterThan(0);
        const paces = new Map<string, Pace>();
        const codes = new Map<string, Status>();
        for (const ind of indicators) {
          const t = yearTarget(sheet, ind, year);
          const accumulation = turned[ind.id] ? (turned[ind.id]!.accumulate === ACCUMULATION_LABELS.flow.vi ? "flow" : "level") : undefined;
          const baseline = t.kind === "reduction" || t.kind === "growth" ? (sheet.columns.some((c) => c.key === "baseline") ? entries.baselines[ind.id] as number : baselineFor(ind, year, entries.actuals[ind.id])) : null;
          const pace = judgeIndicatorPace(ind, year, v.calendar, entries.actuals[ind.id] ?? {}, { target: links.get(ind.id)?.[0] ?? t, accumulation, scenario: links.get(ind.id) ?? null, baseline });
          paces.set(ind.id, pace);
          codes.set(ind.id, pace.judgement && ["exceeded", "met", "near", "shortfall"].includes(pace.judgement.status) ? pace.judgement.status : (pace.status as Status));
        }
        // A packed row: the worst of its parts, as the sheet's combined code.
        for (const ind of indicators.filter((i) => i.target.kind === "composite")) {
          const parts = indicators.filter((i) => i.parentId === ind.id);
          if (parts.length > 0) codes.set(ind.id, combineParts(parts.map((p) => ({ status: codes.get(p.id)! }) as Judgement)));
        }
        const mismatches: string[] = [];
        const seen = new Set<string>();
        for (const ind of indicators) {
          const row = csv[sheet.rowOf[ind.id]! - 1]!;
          const pace = paces.get(ind.id)!;
          const want = codes.get(ind.id)!;
          seen.add(want);
          const got = row[codeCol];
          const num = (s: string | undefined) => (s === undefined || s === "" ? null : Number(s));
          const close = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b)));
          if (got !== want) mismatches.push(`${ind.id} ${ind.target.text}: sheet ${got}, engine ${want} (${pace.explanation.vi})`);
          if (ind.target.kind !== "composite" && pace.status !== "not_applicable" && pace.status !== "invalid") {
            if (!close(num(row[toDateCol]), pace.toDate)) mismatches.push(`${ind.id}: to date ${row[toDateCol]} vs ${pace.toDate}`);
            if (!close(num(row[estimateCol]), pace.estimate)) mismatches.push(`${ind.id}: estimate ${row[estimateCol]} vs ${pace.estimate}`);
          }
          const label = row[paceCol] ?? "";
          if (want === "met" || want === "exceeded") expect(label).toContain("Đúng tiến độ");
          if (want === "near" || want === "shortfall") expect(label).toContain("Chậm tiến độ");
        }
        expect(mismatches).toEqual([]);
        // Linked rows were judged on the scenario's quarter, and the sheet says which.
        for (const id of links.keys()) if (paces.has(id) && paces.get(id)!.judgement) expect(paces.get(id)!.against).toBe("scenario");
        // The cases reach both verdicts and the flags, not one status throughout.
        expect([...seen]).toEqual(expect.arrayContaining(["no_data", "invalid"]));
        expect([...seen].some((s) => s === "met" || s === "exceeded")).toBe(true);
        expect([...seen].some((s) => s === "near" || s === "shortfall")).toBe(true);
      });
    }, 240_000);
  }
});
