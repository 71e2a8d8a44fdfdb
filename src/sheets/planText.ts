import type { Plan } from "../model";

/**
 * How a plan is named on sheets, in page headers and in the catalog, without the artefacts of empty fields: a
 * pasted table has no province, number or date, and must not read ": — bảng.tsv" or ", số , ;".
 */
export function planHeading(plan: Plan, maxTitle = 90): string {
  const title = plan.title.length > maxTitle ? `${plan.title.slice(0, maxTitle - 2).replace(/\s+\S*$/, "")} …` : plan.title;
  const who = [plan.province, planNumber(plan.number) ?? planNumberText(plan.number)].filter((s) => s.trim() !== "").join(": ");
  return who ? `${who} — ${title}` : title;
}

/** The number as printed, or null when the document leaves it blank ("/KH-UBND", "/KH-UBND (chưa ghi số)", ""). */
export function planNumber(number: string): string | null {
  const n = number.replace(/\(\s*chưa ghi số\s*\)/i, "").trim();
  return n === "" || n.startsWith("/") ? null : n;
}

/** "số 77/QĐ-UBND"; "KH-UBND chưa ghi số" for a draft that prints "/KH-UBND"; "" when nothing is printed. */
export function planNumberText(number: string): string {
  const n = planNumber(number);
  if (n) return `số ${n}`;
  const kind = number.trim().replace(/\(.*\)/, "").replace(/^\//, "").trim();
  return kind ? `${kind} chưa ghi số` : "";
}

/** "Kế hoạch … — số 77/QĐ-UBND, 18/01/2025 (Trà Vinh)"; only the parts the plan has. */
export function planSubtitle(plan: Plan): string {
  const facts = [planNumberText(plan.number), plan.date].filter(Boolean).join(", ");
  return `${plan.title}${facts ? ` — ${facts}` : ""}${plan.province ? ` (${plan.province})` : ""}`;
}

/** "Trà Vinh, số 77/QĐ-UBND, 18/01/2025; nguồn …"; only the parts the plan has. */
export function planFacts(plan: Plan): string {
  const facts = [plan.province, planNumberText(plan.number), plan.date].filter(Boolean).join(", ");
  return [facts, `nguồn ${plan.source}`].filter(Boolean).join("; ");
}
