/**
 * @file What a refresh's rewrite of the add-in's sheets puts back, said as changes: the appendix sheets' order,
 * a sheet hidden or shown by hand, an Excel table or a protection removed. Only what the host could tell is said
 * (a host that cannot read protection or tables leaves them out of its snapshot).
 */
import { bilingual, message, type MessageCode } from "../i18n/messages";
import type { Change } from "./changeLog";
import type { SheetLayout } from "./snapshot";

/** A sheet of the new plan as far as its standing goes. */
export interface PlannedLayout {
  name: string;
  kind?: string;
  hidden?: boolean;
  protect?: boolean;
  table?: unknown;
}

const APPENDIX_KINDS = new Set(["indicators", "scenario", "tasks"]);

function change(sheet: string, code: MessageCode, before: string, after: string): Change {
  return { kind: "layout", sheet, source: "", code: "", name: bilingual(message(code)), before, after };
}

/** The layout changes of the sheets the rewrite replaces (`replace`), from how they stand now (`layout`, in the workbook's order). */
export function layoutChanges(layout: SheetLayout[], planned: PlannedLayout[], replace: string[]): Change[] {
  const out: Change[] = [];
  const now = new Map(layout.map((l) => [l.name, l]));
  const rewritten = planned.filter((p) => replace.includes(p.name) && now.has(p.name));
  // The appendix sheets come back in the plan's order.
  const appendices = new Set(rewritten.filter((p) => APPENDIX_KINDS.has(p.kind ?? "")).map((p) => p.name));
  const was = layout.filter((l) => appendices.has(l.name)).map((l) => l.name);
  const will = rewritten.filter((p) => appendices.has(p.name)).map((p) => p.name);
  if (was.join("\n") !== will.join("\n")) out.push(change("", "refresh.layout.order", was.join(", "), will.join(", ")));
  for (const p of rewritten) {
    const l = now.get(p.name)!;
    const hidden = p.hidden ?? false;
    if (l.hidden && !hidden) out.push(change(p.name, "refresh.layout.shown", "ẩn / hidden", "hiện / shown"));
    if (!l.hidden && hidden) out.push(change(p.name, "refresh.layout.hidden", "hiện / shown", "ẩn / hidden"));
    if (p.table && l.tables === 0) out.push(change(p.name, "refresh.layout.table", "0", "1"));
    if (p.protect && l.protected === false) out.push(change(p.name, "refresh.layout.protection", "tắt / off", "bật / on"));
  }
  return out;
}
