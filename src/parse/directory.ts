import type { Catalog } from "../model";
import { catalogIndicators } from "../model";
import type { Task } from "../model/task";
import { splitAgencies, type AgencyMention, type AgencyName } from "./agencies";

/**
 * The directory of agencies of a catalog: one entry per canonical agency or group, with every way the documents
 * wrote it and how many indicators and tasks name it (an indicator counts for each agency of its "Cơ quan chủ
 * trì" cell, a task for each of its agencies, whatever their role). Shared by indicators and tasks.
 */
export interface DirectoryEntry {
  name: string;
  kind: "agency" | "group";
  /** The ways it is written in the documents, other than its canonical name, sorted. */
  aliases: string[];
  /** True when the name is not in the built-in list (kept as printed). */
  unknown: boolean;
  indicators: number;
  tasks: number;
}

/** The agencies an indicator's "Cơ quan chủ trì" names. */
export function indicatorAgencies(agency: string, extra?: readonly AgencyName[]): AgencyMention[] {
  return splitAgencies(agency, "lead", extra);
}

export function taskMentions(task: Task, extra?: readonly AgencyName[]): AgencyMention[] {
  return [...splitAgencies(task.lead, "lead", extra), ...(task.second ? splitAgencies(task.second.text, task.second.role, extra) : [])];
}

/** `extra`: names and aliases staff added on the directory sheet (read back by a refresh). */
export function agencyDirectory(catalog: Catalog, extra?: readonly AgencyName[]): DirectoryEntry[] {
  const entries = new Map<string, DirectoryEntry & { seen: Set<string> }>();
  const note = (m: AgencyMention, counted: "indicators" | "tasks", done: Set<string>) => {
    const e = entries.get(m.name) ?? { name: m.name, kind: m.kind, aliases: [], unknown: m.unknown, indicators: 0, tasks: 0, seen: new Set<string>() };
    entries.set(m.name, e);
    if (m.printed !== m.name) e.seen.add(m.printed);
    if (!done.has(m.name)) e[counted]++;
    done.add(m.name);
  };
  for (const i of catalogIndicators(catalog)) {
    const done = new Set<string>();
    for (const m of indicatorAgencies(i.agency, extra)) note(m, "indicators", done);
  }
  for (const t of catalog.plans.flatMap((p) => (p.tasks ?? []).flatMap((a) => a.tasks))) {
    const done = new Set<string>();
    for (const m of taskMentions(t, extra)) note(m, "tasks", done);
  }
  return [...entries.values()]
    .map(({ seen, ...e }) => ({ ...e, aliases: [...seen].sort((a, b) => a.localeCompare(b, "vi")) }))
    .sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name, "vi") : a.kind === "agency" ? -1 : 1));
}
