import type { SheetPlan } from "./plan";

/**
 * Sheet names as Excel compares them: without regard to case ("tổng hợp" is "Tổng hợp" to Excel), and, for us,
 * without regard to Unicode normalisation (a name typed with combining marks looks the same to a person).
 * A plan whose sheet would clash with a sheet staff made gets a free name instead ("Tổng hợp (2)"), with every
 * formula, defined name and label that names it rewritten — pure, so both hosts can use it.
 */
export function sheetKey(name: string): string {
  return name.normalize("NFC").toLocaleUpperCase("vi");
}

export const MAX_SHEET_NAME = 31;

/** A name not among `taken` (keys of sheetKey): the name itself, or "name (2)", "name (3)" … within 31 characters. */
export function freeSheetName(name: string, taken: Set<string>): string {
  if (!taken.has(sheetKey(name))) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${name.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(sheetKey(candidate))) return candidate;
  }
}

const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;

/** The plan with sheets renamed (old → new): sheet names, formulas and conditional formats that point at them, names, and labels in the summary that list them. */
export function renameSheets(plan: SheetPlan, renames: Map<string, string>): SheetPlan {
  if (renames.size === 0) return plan;
  const rewrite = (formula: string) => {
    let f = formula;
    for (const [from, to] of renames) f = f.split(`${quoted(from)}!`).join(`${quoted(to)}!`);
    return f;
  };
  return {
    ...plan,
    sheets: plan.sheets.map((s) => ({
      ...s,
      name: renames.get(s.name) ?? s.name,
      rows: s.rows.map((row) =>
        row.map((cell) => {
          if (cell.formula !== undefined) return { ...cell, formula: rewrite(cell.formula) };
          if (s.kind === "summary" && typeof cell.value === "string" && renames.has(cell.value)) return { ...cell, value: renames.get(cell.value)! };
          return cell;
        }),
      ),
      conditional: s.conditional.map((c) => ({ ...c, formula: rewrite(c.formula) })),
    })),
    names: plan.names.map((n) => ({ ...n, sheet: renames.get(n.sheet) ?? n.sheet })),
  };
}

/** True when a sheet's formulas point into other sheets (the summary): such a sheet is written after those it points at. */
export function pointsIntoOtherSheets(sheet: SheetPlan["sheets"][number]): boolean {
  return sheet.rows.some((row) => row.some((c) => c.formula !== undefined && /'!|[A-Za-z_]!\$?[A-Z]/.test(c.formula)));
}
