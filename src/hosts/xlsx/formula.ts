/**
 * Formulas as the .xlsx file format stores them: functions added after Excel 2007 carry the "_xlfn." prefix,
 * or Excel and LibreOffice show #NAME?. Office.js takes the plain form, so only this host adds it.
 */
const NEWER_FUNCTIONS = ["NUMBERVALUE", "IFNA", "CONCAT", "TEXTJOIN", "IFS", "MAXIFS", "MINIFS", "XLOOKUP"];
const PATTERN = new RegExp(`(?<![A-Za-z_.])(${NEWER_FUNCTIONS.join("|")})\\(`, "g");

export function toFileFormula(formula: string): string {
  // Most formulas name none of them: a plain search is much cheaper than the pattern.
  if (!NEWER_FUNCTIONS.some((f) => formula.includes(`${f}(`))) return formula;
  return formula.replace(PATTERN, "_xlfn.$1(");
}
