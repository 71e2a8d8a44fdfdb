/**
 * @file How the pane names a plan document in a sentence: its province, its number when it has one ("chưa ghi số"
 * when the number is left blank, as drafts print "/KH-UBND"), its date when known, then its title.
 */
import type { Lang } from "../i18n/messages";
import type { Plan } from "../model";
import { t } from "./strings";
import { planNumber } from "../sheets/planText";

export { planNumber };


/** "Trà Vinh — 77/QĐ-UBND (18/01/2025)", "Kiên Giang — KH-UBND chưa ghi số (05/2025)", "Bảng dán". */
export function planHeading(plan: Pick<Plan, "province" | "number" | "date">, lang: Lang): string {
  const number = planNumber(plan.number);
  const kind = plan.number.trim().replace(/\(.*\)/, "").replace(/^\//, "").trim();
  const id = number ?? (kind ? `${kind} ${t(lang, "unnumbered")}` : plan.date.trim() ? t(lang, "unnumbered") : "");
  const date = plan.date.trim() ? ` (${plan.date.trim()})` : "";
  const said = id ? `${id}${date}` : "";
  return [plan.province.trim(), said].filter(Boolean).join(" — ");
}

/** The heading, then the title cut to `max` characters. */
export function planLabel(plan: Pick<Plan, "province" | "number" | "date" | "title">, lang: Lang, max = 70): string {
  const title = plan.title.length > max ? `${plan.title.slice(0, max)}…` : plan.title;
  const heading = planHeading(plan, lang);
  return heading ? `${heading}: ${title}` : title;
}
