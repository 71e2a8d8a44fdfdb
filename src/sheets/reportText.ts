/**
 * @file The words of the year-end report (Báo cáo năm) that the sheet's formulas and the pane both write: the
 * opening sentence (the totals), the lines naming each indicator not met, and how a packed row's parts are named
 * there ("Tăng trưởng GRDP — nông nghiệp"). One module, so the sheet and the pane cannot drift apart.
 */

/** The year-end report's counts, every one by the one rule of model/counting.ts (a packed row is one indicator). */
export interface ReportCounts {
  /** Indicators the report lists (a packed row once; its parts never). */
  total: number;
  exceeded: number;
  met: number;
  /** One line per indicator not met (near or short), in report order: its name, a packed row's parts named with it. */
  notMet: string[];
  noData: number;
  invalid: number;
  /** Judged "Không đánh giá" (no figure to compare, last year's figure missing …). */
  notAssessed: number;
  /** Targets due after the report year (a 2030 target in the 2025 report): shown with their progress, not judged. */
  notDue: number;
}

export type Lang = "vi" | "en";

/** The word a report writes for a target not due yet, and the code the sheet keeps for it. */
export const NOT_DUE = { vi: "Chưa đến hạn đánh giá", en: "Not yet due", code: "not_due" } as const;

/** A name as a list item: trimmed, without the sentence's closing punctuation ("… đạt 99%." → "… đạt 99%"). */
export function itemName(name: string): string {
  return name.replace(/\s+/g, " ").trim().replace(/[\s.;,:]+$/u, "");
}

/**
 * A packed row's parts in groups for the not-met line: its lead (the first part, and any part of the same name:
 * "GRDP bình quân đầu người" in triệu đồng and in USD is one name) and the other parts by distinct name.
 * `names` are the parts' names in order; the groups hold indexes into it.
 */
export function partGroups(names: readonly string[]): { lead: string; leadParts: number[]; others: { name: string; parts: number[] }[] } {
  const lead = itemName(names[0] ?? "");
  const leadParts: number[] = [];
  const others: { name: string; parts: number[] }[] = [];
  names.forEach((n, k) => {
    const name = itemName(n);
    if (name === lead) leadParts.push(k);
    else {
      const g = others.find((o) => o.name === name);
      if (g) g.parts.push(k);
      else others.push({ name, parts: [k] });
    }
  });
  return { lead, leadParts, others };
}

/** The word between a packed row's lead and its other parts when the lead itself is not met either. */
export const OVERALL: Record<Lang, string> = { vi: "chung", en: "overall" };

/** A packed row's not-met line: "Tăng trưởng GRDP — nông nghiệp, dịch vụ" ("— chung, nông nghiệp" when the lead is not met too). */
export function packedItem(lead: string, leadNotMet: boolean, othersNotMet: string[], lang: Lang): string {
  if (othersNotMet.length === 0) return lead;
  return `${lead} — ${leadNotMet ? `${OVERALL[lang]}, ` : ""}${othersNotMet.join(", ")}`;
}

/** The clauses after the judged ones, each only when it counts something (the sheet's formula writes the same). */
function tail(c: ReportCounts, lang: Lang): string {
  const vi = lang === "vi";
  return (
    (c.invalid > 0 ? (vi ? `; ${c.invalid} chỉ tiêu có lỗi nhập liệu` : `; ${c.invalid} with invalid input`) : "") +
    (c.notAssessed > 0 ? (vi ? `; ${c.notAssessed} chỉ tiêu không đánh giá` : `; ${c.notAssessed} not assessed`) : "") +
    (c.notDue > 0 ? (vi ? `; ${c.notDue} chỉ tiêu chưa đến hạn đánh giá` : `; ${c.notDue} not yet due`) : "")
  );
}

/**
 * The report's opening sentence, the totals: "Năm 2025, tổng số 74 chỉ tiêu: có 18/23 chỉ tiêu đạt và vượt kế
 * hoạch (vượt 7, đạt 11); 5 chỉ tiêu không đạt; 2 chỉ tiêu chưa có số liệu." The indicators not met follow on
 * lines of their own (`notMetLines`).
 */
export function reportSentence(c: ReportCounts, year: string, lang: Lang): string {
  const judged = c.exceeded + c.met + c.notMet.length;
  if (lang === "vi") {
    const head = `Năm ${year}, tổng số ${c.total} chỉ tiêu: `;
    if (judged === 0) return `${head}chưa có chỉ tiêu nào đủ số liệu để đánh giá; ${c.noData} chỉ tiêu chưa có số liệu${tail(c, lang)}.`;
    return `${head}có ${c.exceeded + c.met}/${judged} chỉ tiêu đạt và vượt kế hoạch (vượt ${c.exceeded}, đạt ${c.met}); ${c.notMet.length} chỉ tiêu không đạt; ${c.noData} chỉ tiêu chưa có số liệu${tail(c, lang)}.`;
  }
  const head = `In ${year}, ${c.total} indicators: `;
  if (judged === 0) return `${head}none has data to judge yet; ${c.noData} without data${tail(c, lang)}.`;
  return `${head}${c.exceeded + c.met} of ${judged} met or exceeded the plan (exceeded ${c.exceeded}, met ${c.met}); ${c.notMet.length} not met; ${c.noData} without data${tail(c, lang)}.`;
}

export const NOT_MET_HEADING: Record<Lang, string> = { vi: "Các chỉ tiêu không đạt:", en: "Indicators not met:" };
export const ITEM_MARK = "– ";

/** The lines after the sentence: a heading, then one line per indicator not met; none when every judged one is met. */
export function notMetLines(c: ReportCounts, lang: Lang): string[] {
  return c.notMet.length === 0 ? [] : [NOT_MET_HEADING[lang], ...c.notMet.map((n) => `${ITEM_MARK}${n}`)];
}

