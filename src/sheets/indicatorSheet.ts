import { planHeading, planSubtitle } from "./planText";
import { builtStamp } from "./targetChange";
import type { Appendix, Plan } from "../model/plan";
import type { Direction, Indicator } from "../model/indicator";
import { emptyTarget, type Target } from "../model/target";
import { STATUS_VOCABULARY } from "../evaluate/vocabulary";
import type { Status } from "../model/status";
import { message } from "../i18n/messages";
import { formatNumber } from "../parse/number";
import type { ScenarioPair } from "../evaluate/scenario";
import {
  achievementFormula,
  combinedCodeFormula,
  gapFormula,
  isCountUnit,
  numberFormula,
  readingFormula,
  textFormula,
  wordsFormula,
  statusCodeFormula,
  statusLabelFormula,
  targetHelpers,
  valueFormula,
  type BlockRefs,
  type RowRefs,
} from "./formulas";
import type { Calendar } from "../model/period";
import { isPartOfPackedRow } from "../model/counting";
import type { QuarterTargets } from "../evaluate/pace";
import { accumulationOf, ACCUMULATION_LABELS } from "../evaluate/accumulation";
import {
  ACCUMULATION_CHOICES,
  estimateFormula,
  judgedFormula,
  monthsFormula,
  paceBlockOf,
  paceLabelFormula,
  quarterChoiceFormula,
  toDateFormula,
  type PaceRefs,
} from "./pace";
import { AGENCIES_KEY } from "./reportingSheet";
import { printAcross, wrappedHeight, type AcrossLayout, type PrintUnit } from "./pageLayout";
import { columnLetter, columnNumber, rowHeight, type Cell, type CellValue, type ColumnSpec, type ConditionalRule, type SheetSpec, type ValidationSpec } from "./plan";

/**
 * One sheet per appendix: a title block, a legend, and one Excel table with an input cell per indicator and
 * period, a live status formula, gap and achievement, and hidden helper columns holding the typed target.
 * A "block" is one judged period: the single plan year, each year of a five-year plan and the whole period,
 * or each quarter of a growth scenario.
 */
export interface Entries {
  /** id → block key ("2025", "2021", "Quý I" …) → what staff typed. */
  actuals: Record<string, Record<string, CellValue>>;
  /** id → note. */
  notes: Record<string, string>;
  /** id → previous period's actual typed in the "Kỳ trước" column. */
  baselines: Record<string, CellValue>;
}

export interface SheetOptions {
  asOf: string;
  tolerance: number;
  entries: Entries;
  /** The reporting calendar: one input column per period of the reporting year, with the pace (none: whole years only). */
  calendar?: Calendar;
  /** Indicators judged within the year against the plan's quarterly scenario, by id. */
  scenarios?: Map<string, QuarterTargets>;
  /** The agencies that report an indicator (canonical names), kept in a hidden helper for the reporting sheet's counts. */
  agenciesOf?: (i: Indicator) => string[];
  /** What a refresh carries over beyond entries; absent when a workbook is first built. */
  carry?: SheetCarry;
}

/** Shown in every status cell of an indicator that left the plan; its row and entries stay. */
export const RETIRED_LABEL = "Không còn trong kế hoạch";
/** Marks a section heading's id cell, so a refresh tells it from a row staff added. */
export const SECTION_MARK = "§";
/** The hidden column marking the parts of packed rows ("part"), which no count counts beside their row. */
export const PART_KEY = "h:part";
/** The hidden column stamping the target texts a row was built with (targetChange.ts): a refresh tells a plan's change from a target typed over. */
export const BUILT_KEY = "h:built";
export const PART_MARK = "part";

/**
 * A refresh's carry-over for one sheet: per indicator, what staff set besides entries (the direction they chose,
 * a tolerance, their own columns' values) and the change note; rows that are not the plan's (indicators no
 * longer in it, rows staff added), each placed after the indicator it followed; and the columns to keep
 * (staff's own, and entries of periods the plan no longer has).
 */
export interface SheetCarry {
  /** id → column key → value ("direction", "h:tolerance", "change", "user:…", "actual:2024" …). */
  values: Record<string, Record<string, CellValue>>;
  rows: CarriedRow[];
  /** Candidate extra columns in their old order; those the sheet has already are skipped. */
  columns: { key: string; header: string; input: boolean }[];
  /** id → column key → a formula staff typed where an entry goes (without "="), kept as a formula. */
  formulas: Record<string, Record<string, string>>;
  /** The sheet's name when staff renamed it. */
  name?: string;
}

export interface CarriedRow {
  /** The id of the indicator the row followed; null: at the end of the table. */
  anchor: string | null;
  /** The indicator's id (kept for an indicator no longer in the plan), or null for a row staff added. */
  id: string | null;
  values: Record<string, CellValue>;
  formulas: Record<string, string>;
}

export const EMPTY_ENTRIES: Entries = { actuals: {}, notes: {}, baselines: {} };

interface Block {
  key: string;
  /** Header of the block's plan-text column; null when the row's target column serves. */
  planHeader: string | null;
  actualHeader: string;
  statusHeader: string;
  target: (i: Indicator) => Target;
  /**
   * "input": staff type here; "latest": the latest entry among the other blocks (whole-period judgement);
   * "pace": the year-end estimate from the periods entered so far (sheets/pace.ts).
   */
  actual: "input" | "latest" | "pace";
  gap: boolean;
  achievement: boolean;
}

/** Targets with no figure: no pace (their period cells may hold anything). */
const PACE_NA = new Set(["none", "unparsed", "composite", "qualitative"]);

const HEADER_ROW = 6;
const FIRST_ROW = 7;

export const DIRECTION_LABELS: Record<Direction, string> = {
  higher: "↑ Cao là tốt",
  lower: "↓ Thấp là tốt",
  band: "↔ Trong khoảng",
};

/** Excel forbids []:*?/\ in sheet names and allows 31 characters. */
export function sheetName(text: string): string {
  return text.replace(/[[\]:*?/\\]/g, "-").slice(0, 31);
}

function blocksFor(appendix: Appendix): Block[] {
  const years = [...new Set(appendix.indicators.flatMap((i) => Object.keys(i.yearly)))].filter((y) => /^\d{4}$/.test(y)).sort();
  if (years.length > 1) {
    const perYear: Block[] = years.map((y) => ({
      key: y,
      planHeader: `KH ${y}`,
      actualHeader: `TH ${y}`,
      statusHeader: `Đánh giá ${y}`,
      target: (i) => i.yearly[y] ?? emptyTarget("", "none"),
      actual: "input",
      gap: false,
      achievement: false,
    }));
    return [
      ...perYear,
      {
        key: "period",
        planHeader: null,
        actualHeader: "TH mới nhất",
        statusHeader: "Đánh giá cả kỳ",
        target: (i) => i.target,
        actual: "latest",
        gap: true,
        achievement: true,
      },
    ];
  }
  // A single plan year: from the yearly column, else the plan column's own header ("Kế hoạch 2026", "KH năm
  // 2026", "Mục tiêu đến 2030" — not an actual column's "TH năm 2024"), else the appendix title ("… NĂM 2025");
  // "target" when none names a year.
  const named = appendix.title.match(/(?:năm|đến)\s+((?:19|20)\d\d)/i);
  const single = appendix.period && /^\d{4}$/.test(appendix.period) ? appendix.period : null;
  const year = years[0] ?? single ?? named?.[1];
  return [
    {
      key: year ?? "target",
      planHeader: null,
      actualHeader: year ? `Thực hiện ${year}` : "Thực hiện",
      statusHeader: "Trạng thái",
      target: (i) => i.target,
      actual: "input",
      gap: true,
      achievement: true,
    },
  ];
}

interface ColumnPlan {
  spec: ColumnSpec;
  letter: string;
}

function allocate(): { add: (spec: ColumnSpec) => string; columns: ColumnPlan[] } {
  const columns: ColumnPlan[] = [];
  return {
    columns,
    add: (spec) => {
      const letter = columnLetter(columns.length + 1);
      columns.push({ spec, letter });
      return letter;
    },
  };
}

const HELPER_NAMES = ["kind", "min", "max", "stretch", "baseline", "years", "words", "text", "number", "reading", "value", "code"] as const;

/** Where the title block goes: over the whole table (one page wide), or over the columns every printed page repeats. */
interface TitleLayout {
  /** The last visible column. */
  last: string;
  /** A table printed across pages: its repeated columns (B … unit) and the other columns of its first page. */
  across: { titleLetters: string[]; titleWidth: number; firstPage: string[] } | null;
}

const LEGEND: Status[] = ["exceeded", "met", "near", "shortfall", "no_data", "invalid", "not_applicable"];
const LEGEND_LABEL = "Chú giải (trạng thái):";
/** The legend's texts (its label and boxes), wherever the layout puts them: a refresh rebuilds them, they are not staff's. */
export const LEGEND_TEXTS: ReadonlySet<string> = new Set([LEGEND_LABEL, ...LEGEND.map((s) => `${STATUS_VOCABULARY[s].symbol} ${STATUS_VOCABULARY[s].vi}`)]);

/**
 * Rows 1–4: title, plan, note, legend. On a table printed across pages, the columns printed again on each page
 * (code, name, unit) would show a cut piece of a title merged over the whole width; there the title, plan and
 * note are merged over those columns only and wrap, so each page carries them whole, and the legend stands in
 * the first page's other columns (whole on that page, absent from the next) — or, when the first page has too
 * few columns, as one line of text under the title.
 */
function titleRows(plan: Plan, title: string, options: SheetOptions, width: number, layout: TitleLayout): { rows: Cell[][]; merges: string[]; heights: Record<string, number> } {
  const pad = (row: Cell[]) => [...row, ...Array.from({ length: Math.max(0, width - row.length) }, () => ({}))];
  const subtitle = planSubtitle(plan);
  const note = `Số liệu đến ngày ${options.asOf}. Nhập số thực hiện vào các ô nền vàng; trạng thái, chênh lệch và % thực hiện tự tính. Dung sai “Gần đạt”: ${formatNumber(options.tolerance * 100, 1)}% của chỉ tiêu.`;
  const boxes: Cell[] = LEGEND.map((s) => ({ value: `${STATUS_VOCABULARY[s].symbol} ${STATUS_VOCABULARY[s].vi}`, style: `legend.${s}` }));
  const label = LEGEND_LABEL;
  const across = layout.across;
  if (!across) {
    return {
      rows: [pad([{}, { value: title, style: "title" }]), pad([{}, { value: subtitle, style: "subtitleWrap" }]), pad([{}, { value: note, style: "note" }]), pad([{}, {}, { value: label, style: "legendLabel" }, ...boxes])],
      merges: [`B1:${layout.last}1`, `B2:${layout.last}2`, `B3:${layout.last}3`],
      heights: { "1": 22, "2": 28, "4": 26 },
    };
  }
  const rows = [pad([]), pad([]), pad([]), pad([])];
  const at = (letter: string) => columnNumber(letter) - 1;
  const end = across.titleLetters[across.titleLetters.length - 1]!;
  rows[0]![1] = { value: title, style: "titleWrap" };
  rows[1]![1] = { value: subtitle, style: "subtitleWrap" };
  rows[2]![1] = { value: note, style: "noteWrap" };
  const merges = [`B1:${end}1`, `B2:${end}2`, `B3:${end}3`];
  const heights: Record<string, number> = {
    "1": Math.max(22, wrappedHeight(title, across.titleWidth, { size: 14, caps: true, bold: true })),
    "2": Math.max(28, wrappedHeight(subtitle, across.titleWidth, { size: 10 })),
    "3": Math.max(15, wrappedHeight(note, across.titleWidth, { size: 9 })),
    "4": 26,
  };
  if (across.firstPage.length >= boxes.length) {
    rows[2]![at(across.firstPage[0]!)] = { value: label, style: "note" };
    boxes.forEach((box, k) => (rows[3]![at(across.firstPage[k]!)] = box));
  } else {
    const text = `${label} ${boxes.map((b) => b.value).join(" · ")}`;
    rows[3]![1] = { value: text, style: "noteWrap" };
    merges.push(`B4:${end}4`);
    heights["4"] = Math.max(26, wrappedHeight(text, across.titleWidth, { size: 9 }));
  }
  return { rows, merges, heights };
}

/** Row 5: the key of every column ("id", "actual:2025", "note" …), hidden, so hosts read entries back by key. */
export const KEY_ROW = 5;

/** The title columns and the units after them, from the sheet's columns: a block's columns stay together. */
function printUnits(columns: ColumnPlan[], titleLetters: string[], blockCols: Record<string, string | null>[]): AcrossLayout {
  const visible = columns.filter((c) => !c.spec.hidden);
  const blockOf = new Map<string, number>();
  blockCols.forEach((b, k) => Object.values(b).forEach((letter) => letter && blockOf.set(letter, k)));
  const titles: PrintUnit = { letters: [], widths: [] };
  const units: (PrintUnit & { block: number | undefined })[] = [];
  for (const c of visible) {
    if (titleLetters.includes(c.letter)) {
      titles.letters.push(c.letter);
      titles.widths.push(c.spec.width);
      continue;
    }
    const block = blockOf.get(c.letter);
    const last = units[units.length - 1];
    if (last && block !== undefined && last.block === block) {
      last.letters.push(c.letter);
      last.widths.push(c.spec.width);
    } else units.push({ letters: [c.letter], widths: [c.spec.width], block });
  }
  return printAcross(visible.reduce((n, c) => n + c.spec.width, 0), titles, units);
}

export interface SheetInput {
  plan: Plan;
  appendix: Appendix;
  name: string;
  title: string;
  kind: "indicators" | "scenario";
  rows: Indicator[];
  blocks: Block[];
  /** Target text shown in the shared plan column (scenario sheets show it per block instead). */
  showTargetColumn: boolean;
  sectionOf: (i: Indicator) => string | null;
}

/** The input of an appendix's sheet: its indicators, judged blocks and names. */
export function indicatorSheetInput(plan: Plan, appendix: Appendix): SheetInput {
  return {
    plan,
    appendix,
    name: sheetName(`${plan.id} ${appendix.id}`),
    title: `PHỤ LỤC ${appendix.id} — ${appendix.title}`.toUpperCase(),
    kind: "indicators",
    rows: appendix.indicators,
    blocks: blocksFor(appendix),
    showTargetColumn: true,
    sectionOf: (i) => i.section,
  };
}

/** The GRDP growth scenarios: base (IIIa) and high (IIIb) side by side, judged per quarter. */
export function scenarioSheetInput(plan: Plan, pairs: ScenarioPair[], scenario: { base: string; high: string }): SheetInput {
  const labels = Object.keys(pairs[0]?.periods ?? {});
  const byId = new Map(pairs.map((p) => [p.base.id, p]));
  const blocks: Block[] = labels.map((label) => ({
    key: label,
    planHeader: `KB ${label}`,
    actualHeader: `TH ${label}`,
    statusHeader: `Đánh giá ${label}`,
    target: (i) => byId.get(i.id)?.periods[label] ?? emptyTarget("", "none"),
    actual: "input",
    gap: false,
    achievement: false,
  }));
  const appendix: Appendix = { id: "III", title: "", layout: "scenario", headers: [], scenario: null, indicators: pairs.map((p) => p.base) };
  return {
    plan,
    appendix,
    name: sheetName(`${plan.id} III`),
    title: `PHỤ LỤC IIIa–IIIb — KỊCH BẢN TĂNG TRƯỞNG GRDP: CƠ SỞ (${scenario.base}) VÀ CAO (${scenario.high})`,
    kind: "scenario",
    rows: pairs.map((p) => p.base),
    blocks,
    showTargetColumn: false,
    sectionOf: () => null,
  };
}

/**
 * The target texts an indicator's row shows, by column key ("target", "plan:2021" …): what a refresh compares
 * to tell a changed target.
 */
export function targetTexts(input: SheetInput, ind: Indicator): Record<string, string> {
  const out: Record<string, string> = {};
  if (input.showTargetColumn) out.target = ind.target.kind === "composite" ? COMPOSITE_TEXT : ind.target.text;
  for (const b of input.blocks) if (b.planHeader) out[`plan:${b.key}`] = b.target(ind).text;
  return out;
}

const COMPOSITE_TEXT = "Theo các chỉ tiêu thành phần";

export function buildSheet(input: SheetInput, options: SheetOptions): SheetSpec {
  const { plan, rows: indicators, blocks } = input;
  const hasChangeTarget = indicators.some((i) => blocks.some((b) => ["reduction", "growth"].includes(b.target(i).kind)));
  const { add, columns } = allocate();
  const id = add({ key: "id", header: "Mã", width: 12, hidden: true });
  const code = add({ key: "code", header: "TT", width: 5 });
  const name = add({ key: "name", header: input.kind === "scenario" ? "Ngành kinh tế" : "Chỉ tiêu", width: 46 });
  const unit = input.kind === "scenario" ? null : add({ key: "unit", header: "Đơn vị", width: 10 });
  const targetText = input.showTargetColumn ? add({ key: "target", header: blocks.length > 1 ? "Mục tiêu cả kỳ" : "Chỉ tiêu kế hoạch", width: 18 }) : null;
  const direction = add({ key: "direction", header: "Hướng", width: 13 });
  const baselineInput = hasChangeTarget && blocks.length === 1 ? add({ key: "baseline", header: "TH kỳ trước", width: 10, input: true }) : null;
  const blockCols = blocks.map((b) => ({
    plan: b.planHeader ? add({ key: `plan:${b.key}`, header: b.planHeader, width: 11 }) : null,
    actual: add({ key: `actual:${b.key}`, header: b.actualHeader, width: 11, input: b.actual === "input" }),
    status: add({ key: `status:${b.key}`, header: b.statusHeader, width: 15 }),
    gap: b.gap ? add({ key: `gap:${b.key}`, header: "Chênh lệch", width: 11 }) : null,
    achievement: b.achievement ? add({ key: `achievement:${b.key}`, header: "% thực hiện", width: 10 }) : null,
  }));
  // The reporting calendar's periods of the reporting year, the figure to date, the estimate and the pace.
  const paceBlock = input.kind === "indicators" ? paceBlockOf(blocks.filter((b) => b.actual === "input").map((b) => b.key), options.calendar, options.asOf) : null;
  const paceYear = paceBlock ? blocks.findIndex((b) => b.key === paceBlock.year) : -1;
  const scenarioOf = (i: Indicator) => (paceBlock ? options.scenarios?.get(i.id) : undefined);
  const pace: Block | null = paceBlock
    ? { key: "pace", planHeader: null, actualHeader: "", statusHeader: "Tiến độ", target: (i) => scenarioOf(i)?.[0] ?? blocks[paceYear]!.target(i), actual: "pace", gap: false, achievement: false }
    : null;
  const paceCols = paceBlock
    ? {
        accumulate: add({ key: "accumulate", header: "Cộng dồn", width: 10 }),
        periods: paceBlock.periods.map((p) => ({ letter: add({ key: `actual:${paceBlock.year}-${p.key}`, header: `${p.label} ${paceBlock.year}`, width: paceBlock.periods.length > 4 ? 8 : 10, input: true }), to: p.to })),
        toDate: add({ key: "todate", header: "Lũy kế / mới nhất", width: 11 }),
        estimate: add({ key: "estimate", header: `Ước cả năm ${paceBlock.year}`, width: 11 }),
        status: add({ key: "pace", header: "Tiến độ", width: 15 }),
      }
    : null;
  const agency = input.kind === "scenario" ? null : add({ key: "agency", header: "Cơ quan chủ trì", width: 22 });
  const note = add({ key: "note", header: "Ghi chú", width: 18, input: true });
  const carry = options.carry;
  const carried = (id: string) => carry?.values[id];
  const hasChangeNotes = Object.values(carry?.values ?? {}).some((v) => typeof v.change === "string" && v.change !== "") || (carry?.rows ?? []).some((row) => row.values.change);
  const change = hasChangeNotes ? add({ key: "change", header: "Thay đổi chỉ tiêu", width: 22 }) : null;
  // Staff's own columns and entries of periods the plan no longer has: kept, after the add-in's columns.
  const extra = (carry?.columns ?? []).filter((c, k, all) => !columns.some((x) => x.spec.key === c.key) && all.findIndex((x) => x.key === c.key) === k);
  const extraCols = extra.map((c) => ({ key: c.key, letter: add({ key: c.key, header: c.header, width: 14, input: c.input }), input: c.input }));
  const lastVisible = columns.length;
  const rowRefs: RowRefs = {
    direction: add({ key: "h:direction", header: "_hướng", width: 8, hidden: true }),
    tolerance: add({ key: "h:tolerance", header: "_dung sai", width: 8, hidden: true }),
    percentUnit: add({ key: "h:percent", header: "_đv %", width: 8, hidden: true }),
    countUnit: add({ key: "h:count", header: "_đv đếm", width: 8, hidden: true }),
    unit,
  };
  const agenciesHelper = options.agenciesOf && input.kind === "indicators" ? add({ key: AGENCIES_KEY, header: "_cơ quan", width: 8, hidden: true }) : null;
  const paceMonths = paceCols ? add({ key: "h:pace:months", header: "_kỳ đến tháng", width: 8, hidden: true }) : null;
  const paceJudged = paceCols ? add({ key: "h:pace:judged", header: "_ước để đánh giá", width: 8, hidden: true }) : null;
  const paceRefs: PaceRefs | null = paceCols ? { accumulate: paceCols.accumulate, periods: paceCols.periods, months: paceMonths!, toDate: paceCols.toDate, estimate: paceCols.estimate } : null;
  const judged = pace ? [...blocks, pace] : blocks;
  const judgedCols = paceCols ? [...blockCols, { plan: null, actual: paceJudged!, status: paceCols.status, gap: null, achievement: null }] : blockCols;
  const kindCols: string[] = [];
  const blockRefs: BlockRefs[] = judged.map((b, k) => {
    const refs: Partial<BlockRefs> = { actual: judgedCols[k]!.actual };
    for (const h of HELPER_NAMES) {
      const letter = add({ key: `h:${b.key}:${h}`, header: `_${b.key} ${h}`, width: 8, hidden: true });
      if (h === "kind") kindCols.push(letter);
      else refs[h] = letter;
    }
    return refs as BlockRefs;
  });
  // The parts of packed rows, marked: what the summary and the report leave out of their counts (model/counting.ts).
  const partCol = input.kind === "indicators" ? add({ key: PART_KEY, header: "_thành phần", width: 8, hidden: true }) : null;
  const builtCol = add({ key: BUILT_KEY, header: "_chỉ tiêu khi dựng", width: 8, hidden: true });
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const width = columns.length;

  // Printed one page wide, or across pages with the code, name and unit repeated (pageLayout.ts).
  const titleLetters = input.kind === "scenario" ? [code, name] : [code, name, unit!];
  const printLayout = printUnits(
    columns,
    titleLetters,
    paceCols ? [...blockCols, { accumulate: paceCols.accumulate, ...Object.fromEntries(paceCols.periods.map((p, k) => [`p${k}`, p.letter])) }, { toDate: paceCols.toDate, estimate: paceCols.estimate, status: paceCols.status }] : blockCols,
  );
  const firstBreak = printLayout.columnBreaks?.[0];
  const titleBlock = titleRows(plan, input.title, options, width, {
    last: columnLetter(lastVisible),
    across: printLayout.scale
      ? {
          titleLetters,
          titleWidth: columns.filter((c) => titleLetters.includes(c.letter)).reduce((n, c) => n + c.spec.width, 0),
          firstPage: columns.filter((c, k) => k < lastVisible && !c.spec.hidden && !titleLetters.includes(c.letter) && (!firstBreak || columnNumber(c.letter) < columnNumber(firstBreak))).map((c) => c.letter),
        }
      : null,
  });
  const rows: Cell[][] = titleBlock.rows;
  rows.push(columns.map((c) => ({ value: c.spec.key, style: "helper" })));
  rows.push(columns.map((c) => ({ value: c.spec.header, style: "header" })));
  const rowOf: Record<string, number> = {};
  const conditional: ConditionalRule[] = [];
  const validationRuns: { column: string; kind: "decimal" | "list"; from: number; to: number; target: string }[] = [];
  let section: string | null = null;
  const sectionRows: number[] = [];

  const put = (cells: Cell[], letter: string, cell: Cell) => {
    cells[columns.findIndex((c) => c.letter === letter)] = cell;
  };

  // Rows a refresh keeps that are not the plan's: indicators no longer in it, rows staff added.
  const anchored = new Map<string | null, CarriedRow[]>();
  for (const row of carry?.rows ?? []) anchored.set(row.anchor, [...(anchored.get(row.anchor) ?? []), row]);
  const pending: CarriedRow[] = [];
  const statusCols = new Set(judgedCols.map((b) => b.status));
  const flush = () => {
    for (const row of pending.splice(0)) {
      const r = rows.length + 1;
      if (row.id) rowOf[row.id] = r;
      const cells: Cell[] = columns.map((c) => {
        if (c.spec.hidden) return { style: "helper" };
        const value = row.values[c.spec.key];
        if (statusCols.has(c.letter) && row.id) return { value: RETIRED_LABEL, style: "retiredStatus" };
        const style = c.spec.input ? (typeof value === "number" || row.formulas[c.spec.key] ? "input" : "inputText") : "retired";
        return row.formulas[c.spec.key] !== undefined ? { formula: row.formulas[c.spec.key], style } : { value: value ?? null, style };
      });
      put(cells, id, { value: row.id, style: "helper" });
      rows.push(cells);
    }
  };

  for (let k = 0; k < indicators.length; k++) {
    const ind = indicators[k]!;
    const sec = input.sectionOf(ind);
    if (sec && sec !== section) {
      section = sec;
      const r = rows.length + 1;
      const cells: Cell[] = columns.map(() => ({ style: "section" }));
      const [secCode, ...rest] = sec.split(" ");
      put(cells, id, { value: `${SECTION_MARK} ${sec}`, style: "helper" });
      put(cells, code, { value: secCode ?? "", style: "section" });
      put(cells, name, { value: rest.join(" "), style: "section" });
      rows.push(cells);
      sectionRows.push(r);
    }
    const r = rows.length + 1;
    rowOf[ind.id] = r;
    const cells: Cell[] = columns.map((c) => ({ style: c.spec.hidden ? "helper" : "text" }));
    put(cells, id, { value: ind.id, style: "helper" });
    if (partCol && isPartOfPackedRow(ind, byId)) put(cells, partCol, { value: PART_MARK, style: "helper" });
    put(cells, code, { value: ind.code, style: "center" });
    put(cells, name, { value: ind.name, style: `name${Math.min(ind.level, 2)}` });
    if (unit) put(cells, unit, { value: ind.unit, style: "unit" });
    const texts = targetTexts(input, ind);
    if (targetText) put(cells, targetText, { value: texts.target ?? "", style: "text" });
    put(cells, builtCol, { value: builtStamp(texts), style: "helper" });
    const kept = carried(ind.id) ?? {};
    const chosen = Object.values(DIRECTION_LABELS).find((l) => l === kept.direction);
    put(cells, direction, { value: chosen ?? DIRECTION_LABELS[ind.direction], style: "text" });
    if (agency) put(cells, agency, { value: ind.agency, style: "text" });
    put(cells, note, { value: options.entries.notes[ind.id] ?? null, style: "inputText" });
    if (change && typeof kept.change === "string" && kept.change !== "") {
      put(cells, change, { value: kept.change, style: "changed" });
      if (targetText) put(cells, targetText, { ...cells[columns.findIndex((c) => c.letter === targetText)], style: "changedTarget" });
    }
    for (const x of extraCols) put(cells, x.letter, { value: kept[x.key] ?? null, style: x.input ? "inputText" : "text" });
    put(cells, rowRefs.direction, { formula: `IF(${direction}${r}="${DIRECTION_LABELS.lower}","lower",IF(${direction}${r}="${DIRECTION_LABELS.band}","band","higher"))`, style: "helper" });
    put(cells, rowRefs.tolerance, { value: typeof kept["h:tolerance"] === "number" ? kept["h:tolerance"] : options.tolerance, style: "helper" });
    put(cells, rowRefs.percentUnit, { value: ind.unit.trim() === "%", style: "helper" });
    put(cells, rowRefs.countUnit, { value: isCountUnit(ind.unit), style: "helper" });
    if (agenciesHelper) put(cells, agenciesHelper, { value: `|${options.agenciesOf!(ind).join("|")}|`, style: "helper" });
    if (baselineInput) put(cells, baselineInput, { value: options.entries.baselines[ind.id] ?? null, style: "input" });

    // Children of a packed row stand right below it.
    let lastChild = r;
    if (ind.target.kind === "composite") {
      let j = k + 1;
      while (j < indicators.length && indicators[j]!.parentId === ind.id) j++;
      lastChild = r + (j - k - 1);
    }

    judged.forEach((b, bi) => {
      const cols = judgedCols[bi]!;
      const refs = blockRefs[bi]!;
      const target = b.target(ind);
      const h = targetHelpers(target, ind.unit);
      const quarters = b.actual === "pace" ? scenarioOf(ind) : undefined;
      if (cols.plan) put(cells, cols.plan, { value: texts[`plan:${b.key}`] ?? target.text, style: "text" });
      if (b.actual === "pace" && paceCols && paceRefs && paceBlock) {
        const chosen = ACCUMULATION_CHOICES.find((l) => l === kept.accumulate);
        put(cells, paceCols.accumulate, { value: chosen ?? ACCUMULATION_LABELS[accumulationOf(ind).kind].vi, style: "text" });
        for (const [k, p] of paceBlock.periods.entries()) {
          const letter = paceCols.periods[k]!.letter;
          const value = options.entries.actuals[ind.id]?.[`${paceBlock.year}-${p.key}`] ?? null;
          put(cells, letter, { value, style: typeof value === "string" ? "inputText" : "input" });
          if (!PACE_NA.has(target.kind)) validationRuns.push({ column: letter, kind: "decimal", from: r, to: r, target: target.text });
        }
        put(cells, paceRefs.months, { formula: monthsFormula(r, paceRefs), style: "helper" });
        put(cells, paceCols.toDate, { formula: toDateFormula(r, paceRefs), style: "gap" });
        put(cells, paceCols.estimate, { formula: estimateFormula(r, paceRefs), style: "gap" });
        put(cells, cols.actual, { formula: judgedFormula(r, paceRefs, quarters !== undefined), style: "helper" });
      } else if (b.actual === "input") {
        put(cells, cols.actual, { value: options.entries.actuals[ind.id]?.[b.key] ?? null, style: "input" });
        if (target.kind !== "composite" && target.kind !== "none" && target.kind !== "unparsed") {
          validationRuns.push({ column: cols.actual, kind: target.kind === "qualitative" ? "list" : "decimal", from: r, to: r, target: target.text });
        }
      } else {
        // The whole period is judged from the latest year whose entry is not "no data" (as judgeWholePeriod).
        let f = `""`;
        blocks.forEach((x, i) => {
          if (x.actual === "input") f = `IF(${blockRefs[i]!.reading}${r}<>"none",${blockCols[i]!.actual}${r},${f})`;
        });
        put(cells, cols.actual, { formula: f, style: "text" });
      }
      put(cells, kindCols[bi]!, { value: h.kind, style: "helper" });
      if (quarters && paceRefs) {
        // The quarterly scenario: the bounds of the quarter the entered periods reach.
        put(cells, refs.min, { formula: quarterChoiceFormula(r, paceRefs, quarters.map((q) => q.min)), style: "helper" });
        put(cells, refs.stretch, { formula: quarterChoiceFormula(r, paceRefs, quarters.map((q) => q.stretch)), style: "helper" });
      } else {
        put(cells, refs.min, { value: h.min, style: "helper" });
        put(cells, refs.stretch, { value: h.stretch, style: "helper" });
      }
      put(cells, refs.max, { value: h.max, style: "helper" });
      // Baseline: the "TH kỳ trước" entry; in a five-year table the year before, or the history before the period.
      if (baselineInput) put(cells, refs.baseline, { formula: `IF(ISNUMBER(${baselineInput}${r}),${baselineInput}${r},"")`, style: "helper" });
      else if (b.actual === "pace") {
        const yearBaseline = `${blockRefs[paceYear]!.baseline}${r}`;
        put(cells, refs.baseline, { formula: `IF(ISNUMBER(${yearBaseline}),${yearBaseline},"")`, style: "helper" });
      } else if (blocks.length > 1 && b.actual === "input") {
        const prevYear = String(Number(b.key) - 1);
        const prev = bi > 0 ? blockRefs[bi - 1]!.value : null;
        const hist = ind.history[prevYear];
        const fallback = hist !== undefined ? String(hist) : `""`;
        put(cells, refs.baseline, { formula: prev ? `IF(ISNUMBER(${prev}${r}),${prev}${r},${fallback})` : fallback, style: "helper" });
      } else if (blocks.length > 1) {
        const planned = blocks.filter((x) => x.actual === "input").map((x) => x.key).sort();
        const before = Object.keys(ind.history).filter((y) => /^\d{4}$/.test(y) && y < (planned[0] ?? "")).sort();
        const baseYear = before[before.length - 1];
        put(cells, refs.baseline, { value: baseYear !== undefined ? ind.history[baseYear]! : null, style: "helper" });
      } else put(cells, refs.baseline, { value: null, style: "helper" });
      if (b.actual === "latest" && blocks.length > 1) {
        // Years from the last actual before the period to the latest entry, for per-year change targets.
        const planned = blocks.filter((x) => x.actual === "input").map((x) => x.key).sort();
        const before = Object.keys(ind.history).filter((y) => /^\d{4}$/.test(y) && y < (planned[0] ?? "")).sort();
        const baseYear = before.length > 0 ? Number(before[before.length - 1]) : null;
        let f = "1";
        blocks.forEach((x, i) => {
          if (x.actual === "input" && baseYear !== null) f = `IF(${blockRefs[i]!.reading}${r}<>"none",MAX(1,${Number(x.key) - baseYear}),${f})`;
        });
        put(cells, refs.years, { formula: f, style: "helper" });
      } else put(cells, refs.years, { value: h.years, style: "helper" });
      put(cells, refs.words, { formula: wordsFormula(r, refs, rowRefs), style: "helper" });
      put(cells, refs.text, { formula: textFormula(r, refs), style: "helper" });
      put(cells, refs.number, { formula: numberFormula(r, refs, rowRefs), style: "helper" });
      put(cells, refs.reading, { formula: readingFormula(r, refs, rowRefs), style: "helper" });
      put(cells, refs.value, { formula: valueFormula(r, refs, h), style: "helper" });
      const codeFormula =
        target.kind === "composite" && lastChild > r
          ? combinedCodeFormula(refs.code, r + 1, lastChild)
          : b.actual === "pace" && PACE_NA.has(target.kind)
            ? `"not_applicable"`
            : statusCodeFormula(r, refs, rowRefs, h);
      put(cells, refs.code, { formula: codeFormula, style: "helper" });
      put(cells, cols.status, { formula: b.actual === "pace" ? paceLabelFormula(`${refs.code}${r}`) : statusLabelFormula(`${refs.code}${r}`), style: "status" });
      if (cols.gap) put(cells, cols.gap, { formula: gapFormula(r, refs, rowRefs, h), style: "gap" });
      if (cols.achievement) put(cells, cols.achievement, { formula: achievementFormula(r, refs, rowRefs, h), style: "percent" });
    });
    // Formulas staff typed where entries go stay formulas.
    for (const [key, formula] of Object.entries(carry?.formulas[ind.id] ?? {})) {
      const at = columns.findIndex((c) => c.spec.key === key && c.spec.input);
      if (at >= 0) cells[at] = { formula, style: cells[at]?.style ?? "input" };
    }
    rows.push(cells);
    for (const row of anchored.get(ind.id) ?? []) pending.push(row);
    anchored.delete(ind.id);
    // Carried rows wait until a packed row's children are past, so the children stay right below it.
    const next = indicators[k + 1];
    if (!next || next.parentId === null || (next.parentId !== ind.id && next.parentId !== ind.parentId)) flush();
  }
  for (const list of anchored.values()) pending.push(...list);
  flush();
  const lastRow = Math.max(rows.length, FIRST_ROW);

  // Colour follows the status code, so it stays live when values are typed, pasted or printed.
  judged.forEach((_, bi) => {
    const cols = judgedCols[bi]!;
    const refs = blockRefs[bi]!;
    for (const s of Object.keys(STATUS_VOCABULARY) as Status[]) {
      conditional.push({ range: `${cols.status}${FIRST_ROW}:${cols.status}${lastRow}`, formula: `$${refs.code}${FIRST_ROW}="${s}"`, style: `cf.${s}` });
    }
    if (judged[bi]!.actual === "input") {
      conditional.push({ range: `${cols.actual}${FIRST_ROW}:${cols.actual}${lastRow}`, formula: `$${refs.code}${FIRST_ROW}="invalid"`, style: "cf.invalid" });
    }
  });

  if (paceCols && paceRefs) {
    const first = paceCols.periods[0]!.letter;
    const last = paceCols.periods[paceCols.periods.length - 1]!.letter;
    conditional.push({ range: `${first}${FIRST_ROW}:${last}${lastRow}`, formula: `AND(LEN(TRIM(${first}${FIRST_ROW}))>0,NOT(ISNUMBER(${first}${FIRST_ROW})))`, style: "cf.invalid" });
  }
  const validations = mergeValidations(validationRuns);
  if (paceCols && indicators.length > 0) {
    validations.push({
      range: `${paceCols.accumulate}${FIRST_ROW}:${paceCols.accumulate}${lastRow}`,
      kind: "list",
      list: ACCUMULATION_CHOICES,
      prompt: { title: "Cộng dồn", text: message("sheet.accumulatePrompt").vi },
      error: { title: "Giá trị chưa đúng", text: message("sheet.accumulateWarning").vi },
    });
  }
  const visibleLast = columnLetter(lastVisible);
  return {
    name: input.name,
    kind: input.kind,
    plan: plan.id,
    appendix: input.appendix.id,
    columns: columns.map((c) => c.spec),
    rows,
    heights: {
      ...titleBlock.heights,
      [String(KEY_ROW)]: 0,
      [String(HEADER_ROW)]: 30,
      ...Object.fromEntries(rows.slice(FIRST_ROW - 1).map((cells, k) => [String(FIRST_ROW + k), rowHeight(cells, columns.map((c) => c.spec))])),
    },
    merges: titleBlock.merges,
    table: indicators.length > 0 ? { name: tableName(input.name), ref: `A${HEADER_ROW}:${columnLetter(width)}${lastRow}`, headerRow: HEADER_ROW } : null,
    dataRows: { first: FIRST_ROW, last: lastRow },
    rowOf,
    freeze: { row: HEADER_ROW, column: 3 },
    conditional,
    validations,
    print: {
      orientation: "landscape",
      paperSize: 9,
      fitToWidth: 1,
      fitToHeight: 0,
      titleRows: `${HEADER_ROW}:${HEADER_ROW}`,
      ...printLayout,
      area: `B1:${visibleLast}${lastRow}`,
      header: `&L&8${headerText(plan)} — Phụ lục ${input.appendix.id === "III" ? "IIIa–IIIb" : input.appendix.id}&R&8Số liệu đến ${options.asOf}`,
      footer: `&L&8Theo dõi chỉ tiêu&C&8Trang &P/&N&R&8&A`,
    },
    protect: false,
    tabColor: null,
  };
}

/** The plan in a page header: its number and the start of its title (headers hold about 250 characters). */
function headerText(plan: Plan): string {
  return planHeading(plan).replace(/&/g, "&&");
}

/** Excel table names: letters, digits and underscores, starting with a letter ("CT_…" indicators, "NV_…" tasks). */
export function tableName(sheet: string, prefix = "CT"): string {
  return `${prefix}_${sheet.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").replace(/[^A-Za-z0-9]+/g, "_")}`;
}

/** One validation per run of consecutive rows of the same kind, so a large sheet does not carry thousands. */
function mergeValidations(runs: { column: string; kind: "decimal" | "list"; from: number; to: number; target: string }[]): ValidationSpec[] {
  const merged: typeof runs = [];
  for (const run of runs.sort((a, b) => (a.column === b.column ? a.from - b.from : a.column < b.column ? -1 : 1))) {
    const last = merged[merged.length - 1];
    if (last && last.column === run.column && last.kind === run.kind && last.to + 1 >= run.from) last.to = run.to;
    else merged.push({ ...run });
  }
  return merged.map((m) => {
    const qualitative = m.kind === "list";
    return {
      range: `${m.column}${m.from}:${m.column}${m.to}`,
      kind: m.kind,
      list: qualitative ? ["Đạt", "Không đạt"] : undefined,
      prompt: qualitative
        ? { title: "Chỉ tiêu định tính", text: message("sheet.qualitativePrompt").vi }
        : { title: "Nhập số thực hiện", text: message("sheet.inputPrompt", { target: m.from === m.to ? m.target : "xem cột chỉ tiêu" }).vi.slice(0, 250) },
      error: qualitative
        ? { title: "Giá trị chưa đúng", text: message("sheet.qualitativeWarning").vi }
        : { title: "Không phải là số", text: message("sheet.inputWarning").vi },
    };
  });
}
