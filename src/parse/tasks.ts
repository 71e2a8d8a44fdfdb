import { foldText, shortHash } from "../model/ids";
import type { Task, TaskAppendix, TaskSection } from "../model/task";
import { cleanText } from "./clean";
import { parseDeadline } from "./deadline";
import { splitAgencies } from "./agencies";

/**
 * Task appendices (Phân công thực hiện nhiệm vụ, Một số nhiệm vụ trọng tâm) read from the document's own lines,
 * not from the indicator reader's joined rows, because the two plans break their rows differently:
 * - Trà Vinh numbers its tasks (1.–78., "25:" for "25.") under sections I.–XII; a row with no number after a
 *   page break continues the task or section above, cell by cell ("Liên minh Hợp tác" | "xã").
 * - Kiên Giang numbers nothing: every row is a task, except one right after a repeated header that opens in
 *   lower case ("đến năm 2025"), which continues the task before the break.
 * Headers are found by meaning: the task (Nội dung công việc, Tên đề án/nhiệm vụ, Nhiệm vụ), the lead agency
 * (Cơ quan chủ trì / thực hiện), the second one (phối hợp, or theo dõi/đôn đốc/tổng hợp báo cáo), the deadline
 * (Thời gian trình / hoàn thành, Thời hạn, Tiến độ), Cấp trình, Sản phẩm.
 */
type TaskRole = "code" | "name" | "lead" | "coordinating" | "monitoring" | "deadline" | "submitTo" | "product" | "other";

export function classifyTaskHeader(header: string): TaskRole {
  const h = foldText(header);
  if (/^(stt|tt|so tt)$/.test(h)) return "code";
  if (/^(noi dung cong viec|ten de an|ten nhiem vu|nhiem vu|noi dung nhiem vu|ten de an nhiem vu)/.test(h)) return "name";
  if (/theo doi|don doc|tong hop bao cao/.test(h)) return "monitoring";
  if (/phoi hop/.test(h)) return "coordinating";
  if (/^(co quan|don vi)(,? don vi)? (chu tri|thuc hien)|^chu tri/.test(h)) return "lead";
  if (/^(thoi gian|thoi han|tien do|han hoan thanh)/.test(h)) return "deadline";
  if (/^cap (trinh|quyet dinh|phe duyet)/.test(h)) return "submitTo";
  if (/san pham|ket qua/.test(h)) return "product";
  return "other";
}

function isTaskHeader(roles: TaskRole[]): boolean {
  return roles.includes("name") && roles.includes("lead");
}

const SECTION_CODE = /^([IVX]+)\.?$/;
const TASK_CODE = /^(\d+)\s*[.:)]?$/;

export interface TaskSource {
  plan: string;
  /** The plan's first year: a quarter or month written without a year is of this one. */
  planYear: number | null;
}

interface Draft {
  code: string;
  cells: string[];
  line: number;
  section: string | null;
}

/** The task appendices of a document, in order. */
export function readTaskTables(text: string, src: TaskSource): TaskAppendix[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const out: TaskAppendix[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.includes("\t")) continue;
    const headers = lines[i]!.split("\t").map((c) => cleanText(c));
    const roles = headers.map(classifyTaskHeader);
    if (!isTaskHeader(roles)) continue;
    const { appendix, end } = readTable(lines, i, headers, roles, src, out.length);
    out.push(appendix);
    i = end;
  }
  return out;
}

function appendixOf(lines: string[], headerAt: number, index: number): { id: string; title: string } {
  for (let k = headerAt - 1; k >= Math.max(0, headerAt - 8); k--) {
    const l = cleanText(lines[k]!);
    const m = /^phụ lục(?:\s+([IVX]+[a-z]?|\d+[a-z]?))?(?=\s|$|[.:,])/iu.exec(l);
    if (m) return { id: m[1] ?? (index === 0 ? "NV" : `NV${index + 1}`), title: cleanText(lines[k + 1] ?? "") || l };
  }
  return { id: `NV${index + 1}`, title: "Nhiệm vụ" };
}

function readTable(lines: string[], at: number, headers: string[], roles: TaskRole[], src: TaskSource, index: number): { appendix: TaskAppendix; end: number } {
  const { id, title } = appendixOf(lines, at, index);
  const headerKey = headers.map((h) => foldText(h)).join("|");
  const col = (role: TaskRole) => roles.indexOf(role);
  const sections: TaskSection[] = [];
  const drafts: Draft[] = [];
  let current: { kind: "task"; draft: Draft } | { kind: "section"; section: TaskSection } | null = null;
  let numbered = false;
  let afterRepeat = false;
  let end = at;
  for (let k = at + 1; k < lines.length; k++) {
    const raw = lines[k]!;
    if (raw.trim() === "") continue;
    if (!raw.includes("\t")) break; // the table is over ("Phụ lục II", running text)
    end = k;
    const cells = raw.split("\t").map((c) => cleanText(c));
    if (cells.map((c) => foldText(c)).join("|") === headerKey) {
      afterRepeat = true; // the header repeated after a page break
      continue;
    }
    if (cells.every((c) => c === "")) continue;
    const code = (cells[col("code")] ?? "").trim();
    const name = cells[col("name")] ?? "";
    const agencies = roles.some((r, n) => (r === "lead" || r === "coordinating" || r === "monitoring") && (cells[n] ?? "") !== "");
    const section = SECTION_CODE.exec(code);
    const task = TASK_CODE.exec(code);
    const wasAfterRepeat = afterRepeat;
    afterRepeat = false;
    if (section && !agencies) {
      const s = { code: section[1]!, title: name };
      sections.push(s);
      current = { kind: "section", section: s };
      continue;
    }
    if (task) {
      numbered = true;
      const draft = { code: task[1]!, cells, line: k + 1, section: currentSection(sections) };
      drafts.push(draft);
      current = { kind: "task", draft };
      continue;
    }
    // No number: a continuation where the table numbers its rows or where a page break split a row; else a task.
    // After a repeated header, a row that opens in lower case or names no lead agency is the rest of the row
    // the page break split ("đến năm 2025", "Kiên Giang"); elsewhere a row with no lead agency is a task.
    const lead = cells[col("lead")] ?? "";
    const fragment = wasAfterRepeat && (/^[\p{Ll}\d(“"]/u.test(name || cells.find((c) => c !== "") || "") || lead === "");
    const continues = code === "" && current !== null && (numbered || fragment);
    if (continues && current) {
      if (current.kind === "section") current.section.title = join(current.section.title, name);
      else current.draft.cells = current.draft.cells.map((c, n) => join(c, cells[n] ?? ""));
      continue;
    }
    const draft = { code, cells, line: k + 1, section: currentSection(sections) };
    drafts.push(draft);
    current = { kind: "task", draft };
  }
  const tasks = drafts.map((d, n) => toTask(d, n, roles, src, id));
  return { appendix: { id, title, headers, sections, tasks }, end };
}

function currentSection(sections: TaskSection[]): string | null {
  const s = sections[sections.length - 1];
  return s ? `${s.code}. ${s.title}` : null;
}

function join(a: string, b: string): string {
  if (b === "") return a;
  if (a === "") return b;
  return `${a} ${b}`;
}

export function taskId(plan: string, appendix: string, code: string, position: number, name: string): string {
  return `${plan}.${appendix}.N${code.replace(/[^0-9A-Za-z]+/g, "") || String(position + 1)}.${shortHash(foldText(name))}`;
}

function toTask(d: Draft, position: number, roles: TaskRole[], src: TaskSource, appendix: string): Task {
  const cell = (role: TaskRole) => {
    const n = roles.indexOf(role);
    return n >= 0 ? (d.cells[n] ?? "").trim() : "";
  };
  const name = cell("name");
  const lead = cell("lead").replace(/[,;]\s*$/u, "");
  const coordinating = cell("coordinating").replace(/[,;]\s*$/u, "");
  const monitoring = cell("monitoring").replace(/[,;]\s*$/u, "");
  const second = roles.includes("coordinating") ? { role: "coordinating" as const, text: coordinating } : roles.includes("monitoring") ? { role: "monitoring" as const, text: monitoring } : null;
  const mentions = [...splitAgencies(lead, "lead"), ...(second ? splitAgencies(second.text, second.role) : [])];
  const agencies: Task["agencies"] = [];
  for (const m of mentions) if (m.kind === "agency" && !agencies.some((a) => a.name === m.name && a.role === m.role)) agencies.push({ name: m.name, role: m.role });
  const groups = [...new Set(mentions.filter((m) => m.kind === "group").map((m) => m.name))];
  return {
    id: taskId(src.plan, appendix, d.code, position, name),
    plan: src.plan,
    appendix,
    code: d.code,
    section: d.section,
    name,
    lead,
    second: second && second.text !== "" ? second : second ? { ...second, text: "" } : null,
    agencies,
    groups,
    deadline: parseDeadline(cell("deadline"), { planYear: src.planYear, taskText: name }),
    submitTo: cell("submitTo"),
    product: cell("product"),
    line: d.line,
  };
}
