import { hasTarget, measurableNumbers, splitStatement } from "./statement";
import { foldText } from "../model/ids";
import { parseTarget } from "./target";
import { idFromName } from "../model/ids";
import { shortenPlanTexts } from "./limits";
import { unquoteClipboard } from "./clipboard";
import type { Plan } from "../model/plan";
import type { Direction } from "../model/indicator";
import { overrideDirection } from "./direction";
import { message, type Message } from "../i18n/messages";
import { cleanText } from "./clean";
import { findTables, type TextTable } from "./table";
import { layoutOf, proseToAppendix, tableToAppendix } from "./appendix";
import { readTaskTables } from "./tasks";

/** The facts of a plan document that the text does not say in one place. */
export interface PlanMeta {
  id: string;
  province: string;
  number: string;
  date: string;
  title: string;
  source: string;
}

/** A section of running text that holds measurable targets (e.g. "2. Các chỉ tiêu cụ thể đến năm 2030"). */
export interface ProseSection {
  id: string;
  title: string;
  start: RegExp;
  end: RegExp;
}

export interface DocumentSpec {
  meta: PlanMeta;
  prose?: ProseSection[];
  /** Directions decided for this plan, beating the inferred ones (the override a user can also make). */
  directions?: { name: RegExp; direction: Direction; why: { vi: string; en: string } }[];
  /** Appendix id and title for an indicator table that no "Phụ lục" line names. */
  unnamedTable?: { id: string; title: string };
  /** A column (its header, or part of it) to read as the target column, for a table that has none by name. */
  targetColumn?: string;
}

/** What reading a document passed over, with the reason: task tables, bullets without a measurable target. */
export interface Skipped {
  line: number;
  what: string;
  why: { vi: string; en: string };
}

export interface DocumentResult {
  plan: Plan;
  skipped: Skipped[];
}

const APPENDIX_LINE = /^phụ lục\s+([IVX]+[a-z]?|\d+[a-z]?)(?=\s|$|[.:,])/i;

function appendixOf(preamble: string[], fallback: { id: string; title: string } | undefined, index: number): { id: string; title: string } {
  for (let i = preamble.length - 1; i >= 0; i--) {
    const m = APPENDIX_LINE.exec(preamble[i]!);
    if (m) return { id: m[1]!, title: preamble[i + 1] ?? `Phụ lục ${m[1]}` };
  }
  return fallback ?? { id: `B${index + 1}`, title: `Bảng ${index + 1}` };
}

/** Bullets ("- …") of a prose section, with wrapped lines joined back. */
function proseBullets(lines: string[], section: ProseSection): { text: string; line: number }[] {
  const startAt = lines.findIndex((l) => section.start.test(cleanText(l)));
  if (startAt < 0) return [];
  const bullets: { text: string; line: number }[] = [];
  for (let i = startAt + 1; i < lines.length; i++) {
    const l = cleanText(lines[i]!);
    if (section.end.test(l)) break;
    if (l === "") continue;
    if (/^[-–•]\s+/.test(l)) bullets.push({ text: l.replace(/^[-–•]\s+/, ""), line: i + 1 });
    else if (bullets.length > 0) bullets[bullets.length - 1]!.text += " " + l;
  }
  return bullets;
}

/** The table with the named column read as its target column (the user's choice for a table without one). */
function withTargetColumn(table: TextTable, header: string): TextTable {
  const want = foldText(header);
  const at = table.headers.findIndex((h) => foldText(h) === want);
  const col = at >= 0 ? at : table.headers.findIndex((h) => foldText(h).includes(want));
  if (col < 0 || ["code", "name"].includes(table.roles[col]!.role)) return table;
  const year = /(?:19|20)\d\d/.exec(table.headers[col]!)?.[0] ?? null;
  return { ...table, roles: table.roles.map((r, i) => (i === col ? { role: "target", year } : r.role === "target" ? { role: "other" } : r)) };
}

/**
 * A table with names and values but no target column (a report's "Chỉ tiêu chủ yếu | Ước TH năm 2021"): its
 * names are not targets. The columns whose cells could be read as targets, or null when the table has a target
 * column or its names hold the targets themselves.
 */
export function columnsForTargets(table: TextTable): string[] | null {
  if (layoutOf(table) !== "statements") return null;
  const nameCol = table.roles.findIndex((r) => r.role === "name");
  const named = table.rows.map((r) => r.cells[nameCol] ?? "").filter((c) => c.trim() !== "");
  if (named.some((c) => parseTarget(c).kind !== "unparsed" && parseTarget(c).kind !== "none") || named.some((c) => splitStatement(c).length > 0)) return null;
  const candidates = table.headers.filter((h, i) => !["code", "name", "unit", "agency", "note"].includes(table.roles[i]!.role) && table.rows.some((r) => /\d/.test(r.cells[i] ?? "")));
  return candidates.length > 0 ? candidates : null;
}

export function parseDocument(text: string, spec: DocumentSpec): DocumentResult {
  const skipped: Skipped[] = [];
  const plan: Plan = { ...spec.meta, appendices: [] };
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  for (const section of spec.prose ?? []) {
    const { appendix, skipped: bullets } = proseToAppendix(proseBullets(lines, section), { plan: spec.meta.id, id: section.id, title: section.title });
    plan.appendices.push(appendix);
    for (const b of bullets) {
      skipped.push({ line: 0, what: b, why: { vi: "đoạn văn không có chỉ tiêu đo được", en: "paragraph without a measurable target" } });
    }
  }
  const tables = findTables(text).map((table) => (spec.targetColumn ? withTargetColumn(table, spec.targetColumn) : table));
  tables.forEach((table, index) => {
    if (table.isTaskTable) return; // read as tasks, from the document's own lines (tasks.ts)
    const { id, title } = appendixOf(table.preamble, spec.unnamedTable, index);
    plan.appendices.push(tableToAppendix(table, { plan: spec.meta.id, id, title }));
  });
  for (const rule of spec.directions ?? []) {
    for (const indicator of plan.appendices.flatMap((a) => a.indicators)) {
      if (!rule.name.test(indicator.name)) continue;
      const v = overrideDirection(rule.direction, rule.why);
      indicator.direction = v.direction;
      indicator.directionSource = v.source;
      indicator.directionReason = v.reason;
    }
  }
  const tasks = readTaskTables(text, { plan: spec.meta.id, planYear: planFirstYear(spec.meta) });
  if (tasks.length > 0) plan.tasks = tasks;
  shortenPlanTexts(plan);
  return { plan, skipped };
}

/** The plan's first year, from its id, title or date ("KG-KH5N-2021-2025" → 2021): a quarter written without a year is of this one. */
export function planFirstYear(meta: PlanMeta): number | null {
  for (const text of [meta.id, meta.title, meta.date]) {
    const m = /(?:19|20)\d\d/.exec(text);
    if (m) return Number(m[0]);
  }
  return null;
}

const BULLET = /^\s*(?:[-–•+*]|\d{1,2}[.)]|[a-zđ][.)])\s+/iu;

/**
 * Lines of a pasted list as bullets: a line with a bullet or a number starts one, a line ending with ":" and no
 * target is a group heading ("11 chỉ tiêu kinh tế gồm:", "1. Về kinh tế:") that names the section of the
 * bullets under it, other lines continue the bullet before. "Tên: chỉ tiêu" is read as the sentence it stands
 * for ("GRDP bình quân đầu người: 104 triệu đồng" → "… đạt 104 triệu đồng"); a label over several targets
 * ("Cơ cấu kinh tế: Công nghiệp - xây dựng 41,8%; dịch vụ 39,7%") keeps its colon for the sentence reader.
 */
function listBullets(text: string): { text: string; line: number; section: string | null }[] {
  const out: { text: string; line: number; section: string | null }[] = [];
  let open = false;
  let section: string | null = null;
  text.split(/\r?\n/).forEach((raw, k) => {
    const line = cleanText(raw);
    if (line === "") return;
    if (/[:：]$/.test(line) && (!BULLET.test(raw) || !hasTarget(line.replace(BULLET, "")))) {
      open = false; // a group heading
      section = line.replace(/[:：]$/, "").trim();
      return;
    }
    if (BULLET.test(raw) || !open) {
      out.push({ text: colonForm(line.replace(BULLET, "").trim()), line: k + 1, section });
      open = true;
    } else out[out.length - 1]!.text += ` ${line}`;
  });
  return out;
}

/** Words that open a target phrase after a colon ("Trên 10%", "đạt 95%", "từ 7,5%"). */
const TARGET_OPENING = /^(?:trên|dưới|đạt|từ|khoảng|tăng|giảm|ít nhất|tối thiểu|tối đa|không quá|duy trì|phấn đấu|[<>≤≥])/iu;

function colonForm(text: string): string {
  const m = /^([^:：]{3,}?)\s*[:：]\s+(.*\d.*)$/u.exec(text);
  if (!m) return text;
  const target = m[2]!.trim();
  // Several targets after the label, or a rest that opens with a name: the label stays a label.
  const numbers = measurableNumbers(target);
  const several = numbers.length >= 2 && /[;]|\s+và\s+/u.test(target);
  if (several || !(/^\d/.test(target) || TARGET_OPENING.test(target))) return text;
  // A target that opens with its own word keeps it ("trên 10%"); a bare number takes "đạt".
  return /^\d/.test(target) ? `${m[1]} đạt ${target}` : `${m[1]} ${target.charAt(0).toLowerCase()}${target.slice(1)}`;
}

function targetList(text: string, spec: DocumentSpec): PasteResult | null {
  // Tab-separated rows mean a table was meant (one without a header is reported as such, not read as prose).
  if (text.split(/\r?\n/).filter((l) => l.includes("\t")).length >= 2) return null;
  const bullets = listBullets(text);
  const { appendix, skipped } = proseToAppendix(bullets, { plan: spec.meta.id, id: "1", title: spec.unnamedTable?.title ?? spec.meta.title }, { labelled: true });
  const measured = appendix.indicators.filter((i) => i.target.kind !== "unparsed" && i.target.kind !== "none");
  if (measured.length === 0) return null;
  return {
    ok: true,
    plan: { ...spec.meta, appendices: [appendix] },
    skipped: skipped.map((what) => ({ line: 0, what, why: { vi: "dòng không có chỉ tiêu đo được", en: "a line without a measurable target" } })),
  };
}

export type PasteResult =
  | { ok: true; plan: Plan; skipped: Skipped[] }
  /** `targetColumns`: for a table without a target column, the columns that could be read as one. */
  | { ok: false; error: Message; targetColumns?: string[] };

/**
 * An appendix table a user pasted or gave as a file (tab-separated, as Word, Excel and PDF viewers copy it).
 * Empty, binary or header-less input is an error value with a message, never an empty catalog.
 */
export function parsePastedTable(text: string, meta: Partial<PlanMeta> & { name?: string; targetColumn?: string } = {}): PasteResult {
  if (text.includes("\u0000") || (text.match(/\ufffd/g)?.length ?? 0) > 8) return { ok: false, error: message("input.binary") };
  if (text.trim() === "") return { ok: false, error: message("input.empty") };
  // The table's identity: the short name the user gave (or the file name, or "Bảng dán"); the plan's title is
  // the document's own heading above the table when it has one, else that name.
  const name = meta.name?.trim() || "Bảng dán";
  const heading = text.split(/\r?\n/).find((l) => l.trim() !== "" && !l.includes("\t"))?.trim();
  const spec: DocumentSpec = {
    meta: {
      id: meta.id ?? idFromName(name),
      province: meta.province ?? "",
      number: meta.number ?? "",
      date: meta.date ?? "",
      title: meta.title ?? (heading ? cleanText(heading) : name),
      source: meta.source ?? "paste",
    },
    unnamedTable: { id: "1", title: name },
    ...(meta.targetColumn ? { targetColumn: meta.targetColumn } : {}),
  };
  const unquoted = unquoteClipboard(text);
  if (meta.targetColumn) {
    const table = findTables(unquoted).find((t) => !t.isTaskTable);
    if (table && withTargetColumn(table, meta.targetColumn) === table) {
      return { ok: false, error: message("input.targetColumnNotFound", { name: meta.targetColumn, headers: table.headers.join(" | ") }) };
    }
  } else {
    // A table with names but no target column says so, and which columns could be read as targets.
    const table = findTables(unquoted).find((t) => !t.isTaskTable);
    const columns = table ? columnsForTargets(table) : null;
    if (table && columns) {
      return { ok: false, error: message("input.noTargetColumn", { headers: table.headers.join(" | "), columns: columns.map((c) => `“${c}”`).join(", ") }), targetColumns: columns };
    }
  }
  // Excel quotes a copied cell that holds a tab or a line break: one cell, not two rows.
  const result = parseDocument(unquoted, spec);
  if (result.plan.appendices.length === 0 && (result.plan.tasks ?? []).length > 0) {
    // A task table: its tasks are the plan (tasks.ts found its headers by meaning).
    return { ok: true, plan: result.plan, skipped: result.skipped };
  }
  if (result.plan.appendices.length === 0) {
    // No table: a list of targets as resolutions write them ("- Tốc độ tăng trưởng GRDP: trên 10%"), one per
    // line or several in a sentence, read by the same sentence reader as the seeds' prose.
    const listed = targetList(text, spec);
    if (listed) return listed;
    return { ok: false, error: message("input.noHeader") };
  }
  if (result.plan.appendices.every((a) => a.indicators.length === 0)) return { ok: false, error: message("input.noRows") };
  return { ok: true, plan: result.plan, skipped: result.skipped };
}
