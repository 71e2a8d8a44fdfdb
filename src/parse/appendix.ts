import { emptyTarget, type Target } from "../model/target";
import type { Indicator } from "../model/indicator";
import type { Appendix, AppendixLayout } from "../model/plan";
import { foldText, indicatorId } from "../model/ids";
import { parseNumber } from "./number";
import { parseTarget, type TargetContext } from "./target";
import { inferDirection } from "./direction";
import { splitStatement, type Clause } from "./statement";
import { splitSubTargets } from "./subTargets";
import type { ColumnRole, TextTable } from "./table";

/** Turns a table, or the measurable sentences of a plan, into the indicators of one appendix. */

export interface AppendixSource {
  plan: string;
  id: string;
  title: string;
}

const RATE_NAME = /tang truong|toc do tang|toc do phat trien|chi so phat trien/;
const SECTION_CODE = /^(?:[IVX]+|[A-Z])\.?$/;
const LETTER_CODE = /^([a-zđ])\)$/;
const NUMBER_CODE = /^\d+\.?$/;
const DASH_CODE = /^[-–+•]$/;

function isRateName(name: string): boolean {
  return RATE_NAME.test(foldText(name));
}

function col(roles: ColumnRole[], role: ColumnRole["role"]): number {
  return roles.findIndex((r) => r.role === role);
}

function makeIndicator(
  src: AppendixSource,
  fields: {
    code: string;
    idCode: string;
    name: string;
    unit: string;
    agency: string;
    level: number;
    parentId: string | null;
    section: string | null;
    target: Target;
    line: number;
    directionName?: string;
    statement?: string | null;
  },
): Indicator {
  const verdict =
    fields.target.kind === "composite"
      ? {
          direction: "higher" as const,
          source: "default" as const,
          reason: { vi: "chỉ tiêu gộp: đánh giá theo từng chỉ tiêu thành phần", en: "packed target: judged from its parts" },
        }
      : inferDirection(fields.directionName ?? fields.name, fields.unit, fields.target);
  return {
    id: indicatorId(src.plan, src.id, fields.idCode, fields.name),
    plan: src.plan,
    appendix: src.id,
    code: fields.code,
    name: fields.name,
    unit: fields.unit,
    agency: fields.agency,
    level: fields.level,
    parentId: fields.parentId,
    section: fields.section,
    target: fields.target,
    direction: verdict.direction,
    directionSource: verdict.source,
    directionReason: verdict.reason,
    yearly: {},
    periods: {},
    history: {},
    historyText: {},
    statement: fields.statement ?? null,
    line: fields.line,
    notes: [],
  };
}

export function layoutOf(table: TextTable): AppendixLayout {
  if (table.roles.some((r) => r.role === "period")) return "scenario";
  if (table.roles.some((r) => r.role === "target" || r.role === "yearly")) return "table";
  return "statements";
}

/** The scenario a growth table aims at, from its merged header: "Kịch bản … năm 2025 (7-7,5%)" → "7-7,5%". */
function scenarioOf(table: TextTable): string | null {
  for (const h of table.headers) {
    const m = /kịch bản[^()]*\(([^()]+)\)/i.exec(h);
    if (m) return m[1]!.replace(/%%/g, "%").trim();
  }
  return null;
}

export function tableToAppendix(table: TextTable, src: AppendixSource): Appendix {
  const layout = layoutOf(table);
  const indicators = layout === "statements" ? statementRows(table, src) : tableRows(table, src, layout === "scenario");
  const target = table.roles.find((r) => r.role === "target");
  const period = target && target.role === "target" ? (target.year ?? null) : null;
  return { id: src.id, title: src.title, layout, headers: table.headers, scenario: scenarioOf(table), period, indicators };
}

interface Parent {
  indicator: Indicator;
  idCode: string;
  children: number;
  rate: boolean;
}

function tableRows(table: TextTable, src: AppendixSource, scenario: boolean): Indicator[] {
  const { roles } = table;
  const codeCol = col(roles, "code");
  const nameCol = col(roles, "name");
  const unitCol = col(roles, "unit");
  const agencyCol = col(roles, "agency");
  const targetCol = col(roles, "target");
  const out: Indicator[] = [];
  let section: string | null = null;
  let numbered: Parent | null = null; // last "1", "2" row
  let lettered: Parent | null = null; // last "a)" row under it
  let lastCoded: Parent | null = null;

  for (const row of table.rows) {
    const cell = (i: number) => (i >= 0 ? row.cells[i] ?? "" : "");
    const code = cell(codeCol);
    const name = cell(nameCol);
    const unit = cell(unitCol);
    const valueCells = roles.map((r, i) => (["target", "yearly", "history", "period", "actual"].includes(r.role) ? cell(i) : "")).filter((c) => c !== "");
    if (name === "" && valueCells.length === 0) continue;
    if ((SECTION_CODE.test(code) || LETTER_CODE.test(code)) && unit === "" && valueCells.length === 0) {
      section = `${code} ${name}`.trim();
      numbered = lettered = lastCoded = null;
      continue;
    }

    let level = 0;
    let parent: Parent | null = null;
    let idCode: string;
    if (NUMBER_CODE.test(code)) {
      idCode = code.replace(/\.$/, "");
    } else if (LETTER_CODE.test(code) && numbered) {
      parent = numbered;
      level = numbered.indicator.level + 1;
      idCode = numbered.idCode + LETTER_CODE.exec(code)![1];
    } else {
      parent = DASH_CODE.test(code) ? (lettered ?? numbered) : lastCoded;
      level = parent ? parent.indicator.level + 1 : 0;
      idCode = parent ? `${parent.idCode}.${++parent.children}` : code || `r${row.line}`;
    }
    const rate = isRateName(name) || (parent?.rate ?? false) || (unit.trim() === "%" && /^(gia tri|tong muc|doanh thu|kim ngach|san luong)/.test(foldText(name)));
    const ctx: TargetContext = { name, unit, style: table.style, rateOfChange: rate, index: scenario };

    let targetText = cell(targetCol);
    const periods: Record<string, Target> = {};
    const yearly: Record<string, Target> = {};
    const history: Record<string, number> = {};
    const historyText: Record<string, string> = {};
    roles.forEach((r, i) => {
      const c = cell(i);
      if (c === "") return;
      if (r.role === "yearly") yearly[r.year] = parseTarget(c, ctx);
      else if (r.role === "period") periods[r.label] = parseTarget(c, ctx);
      else if (r.role === "history") {
        const n = parseNumber(c, table.style);
        if (n.ok) history[r.key] = n.value;
        else historyText[r.key] = c;
      }
    });
    if (targetCol < 0) {
      // No whole-period column: the whole year ("Cả năm") of a scenario, or the last yearly plan.
      const periodKeys = Object.keys(periods);
      const yearKeys = Object.keys(yearly).sort();
      if (periodKeys.length > 0) targetText = (periods["Cả năm"] ?? periods[periodKeys[periodKeys.length - 1]!]!).text;
      else if (yearKeys.length > 0) targetText = yearly[yearKeys[yearKeys.length - 1]!]!.text;
    }
    const target = parseTarget(targetText, ctx);
    const indicator = makeIndicator(src, {
      code,
      idCode,
      name,
      unit,
      // A sub-row belongs to the row above it (GLOSSARY.md, "Trong đó"), and so does its agency when it names none.
      agency: cell(agencyCol) || (parent?.indicator.agency ?? ""),
      level,
      parentId: parent?.indicator.id ?? null,
      section,
      target,
      line: row.line,
      directionName: parent && level > 0 && /^(toc do tang|trong do)/.test(foldText(name)) ? `${parent.indicator.name} ${name}` : name,
    });
    indicator.yearly = yearly;
    indicator.periods = periods;
    indicator.history = history;
    indicator.historyText = historyText;
    out.push(indicator);
    out.push(...subTargetRows(src, indicator, idCode, targetText, ctx));

    const self: Parent = { indicator, idCode, children: 0, rate };
    if (NUMBER_CODE.test(code)) {
      numbered = self;
      lettered = null;
      lastCoded = self;
    } else if (LETTER_CODE.test(code)) {
      lettered = self;
      lastCoded = self;
    } else if (code === "" && !parent) {
      lastCoded = self;
    }
  }
  return out;
}

/**
 * A target cell that sets several sub-targets ("< 7,0 <10,0", "41,5% - 16,2% - 38,9% - 3,4%", "khu vực đô thị
 * đạt 99%, khu vực nông thôn đạt 95%"): the row becomes a packed row judged from its parts, one sub-row per
 * part in the order printed, named by the part's own words or its number. The row itself keeps the text.
 */
function subTargetRows(src: AppendixSource, row: Indicator, idCode: string, targetText: string, ctx: TargetContext): Indicator[] {
  const subs = splitSubTargets(targetText);
  if (!subs) return [];
  row.target = { ...emptyTarget(row.target.text, "composite"), notes: [`${subs.length} chỉ tiêu thành phần, theo thứ tự in / ${subs.length} parts, in the order printed`] };
  row.direction = "higher";
  row.directionSource = "default";
  row.directionReason = { vi: "chỉ tiêu gộp: đánh giá theo từng chỉ tiêu thành phần", en: "packed target: judged from its parts" };
  return subs.map((sub, k) =>
    makeIndicator(src, {
      code: "",
      idCode: `${idCode}.${k + 1}`,
      name: sub.label ? `${row.name} — ${sub.label}` : `${row.name} (${k + 1})`,
      unit: row.unit,
      agency: row.agency,
      level: row.level + 1,
      parentId: row.id,
      section: row.section,
      target: parseTarget(sub.text, { ...ctx, name: sub.label ? `${row.name} ${sub.label}` : row.name }),
      line: row.line,
      directionName: sub.label ? `${row.name} ${sub.label}` : row.name,
    }),
  );
}

function statementRows(table: TextTable, src: AppendixSource): Indicator[] {
  const { roles } = table;
  const codeCol = col(roles, "code");
  const nameCol = col(roles, "name");
  const agencyCol = col(roles, "agency");
  const out: Indicator[] = [];
  for (const row of table.rows) {
    const code = codeCol >= 0 ? row.cells[codeCol] ?? "" : "";
    const sentence = nameCol >= 0 ? row.cells[nameCol] ?? "" : "";
    if (sentence === "") continue;
    const agency = agencyCol >= 0 ? row.cells[agencyCol] ?? "" : "";
    out.push(...sentenceIndicators(sentence, src, { code, idCode: code.replace(/\.$/, "") || `r${row.line}`, agency, line: row.line, prose: false }));
  }
  return out;
}

function clauseTarget(c: Clause): Target {
  return parseTarget(c.target, { name: c.name, rateOfChange: isRateName(c.name) || isRateName(c.context) });
}

/**
 * A sentence with targets: one measurable clause makes one indicator (named by the clause, the sentence kept
 * as its statement); several make a packed row (the sentence, judged from its parts) with one part each;
 * none make one indicator whose target is the sentence itself (a qualitative goal, or unparsed).
 */
export function sentenceIndicators(
  sentence: string,
  src: AppendixSource,
  at: { code: string; idCode: string; agency: string; line: number; prose: boolean; section?: string | null },
): Indicator[] {
  const clauses = splitStatement(sentence, { prose: at.prose });
  const section = at.section ?? null;
  if (clauses.length === 0) {
    const target = parseTarget(sentence, { name: sentence });
    return [makeIndicator(src, { ...at, name: sentence, unit: "", level: 0, parentId: null, section, target, statement: sentence })];
  }
  if (clauses.length === 1) {
    const c = clauses[0]!;
    const target = clauseTarget(c);
    return [
      makeIndicator(src, {
        ...at,
        name: c.name,
        unit: target.unit ?? "",
        level: 0,
        parentId: null,
        section,
        target,
        statement: sentence,
        directionName: `${c.context} ${c.name}`,
      }),
    ];
  }
  const parent = makeIndicator(src, {
    ...at,
    name: sentence,
    unit: "",
    level: 0,
    parentId: null,
    section,
    target: emptyTarget(sentence, "composite"),
    statement: sentence,
  });
  const parts = clauses.map((c, k) => {
    const target = clauseTarget(c);
    return makeIndicator(src, {
      code: "",
      idCode: `${at.idCode}.${k + 1}`,
      name: c.name,
      unit: target.unit ?? "",
      agency: at.agency,
      level: 1,
      parentId: parent.id,
      section,
      target,
      line: at.line,
      statement: sentence,
      directionName: `${c.context} ${c.name}`,
    });
  });
  return [parent, ...parts];
}

/**
 * Measurable targets written in the body of a plan: each bullet of the section becomes indicators, one a
 * measurable clause; the parts after "trong đó" stand under the clause they belong to. Bullets without a
 * measurable clause are returned in `skipped`, so that nothing is dropped without a word.
 */
export function proseToAppendix(
  bullets: { text: string; line: number; section?: string | null }[],
  src: AppendixSource,
  options: { labelled?: boolean } = {},
): { appendix: Appendix; skipped: string[] } {
  const indicators: Indicator[] = [];
  const skipped: string[] = [];
  bullets.forEach((b, k) => {
    const clauses = splitStatement(b.text, { prose: true, qualitative: options.labelled });
    if (clauses.length === 0) {
      skipped.push(b.text);
      return;
    }
    let main: Indicator | null = null;
    let children = 0;
    clauses.forEach((c, j) => {
      const target = clauseTarget(c);
      const child = c.ofWhich && main !== null;
      // A pasted list names a part under a label by both ("Cơ cấu kinh tế — dịch vụ"), as a person reads it.
      const labelled = options.labelled && !c.ofWhich && c.context !== "" && !c.name.toLowerCase().startsWith(c.context.toLowerCase());
      const indicator = makeIndicator(src, {
        code: "",
        idCode: child ? `${k + 1}.${j + 1}.${++children}` : `${k + 1}.${j + 1}`,
        name: labelled ? `${c.context} — ${c.name}` : c.name,
        unit: target.unit ?? "",
        agency: "",
        level: child ? 1 : 0,
        parentId: child ? main!.id : null,
        section: b.section ?? null,
        target,
        line: b.line,
        statement: b.text,
        directionName: `${c.context} ${c.name}`,
      });
      if (!child) {
        main = indicator;
        children = 0;
      }
      indicators.push(indicator);
    });
  });
  return { appendix: { id: src.id, title: src.title, layout: "prose", headers: [], scenario: null, indicators }, skipped };
}
