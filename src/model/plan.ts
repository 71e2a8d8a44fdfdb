import { z } from "zod";
import { Indicator } from "./indicator";
import { TaskAppendix } from "./task";

/** How an appendix holds its indicators. */
export const AppendixLayout = z.enum([
  "table", // one indicator a row, with unit / target / agency columns
  "statements", // one sentence a row, several targets packed in it
  "scenario", // growth indices per quarter (107,27 = +7,27 %)
  "prose", // measurable targets written in the body text of the plan
]);
export type AppendixLayout = z.infer<typeof AppendixLayout>;

export const Appendix = z.object({
  /** "II", "IIIa", "IV"; for prose sections the section number ("II.2"). */
  id: z.string(),
  title: z.string(),
  layout: AppendixLayout,
  /** The headers of the table as printed, for tables. */
  headers: z.array(z.string()),
  /** Scenario tables: the growth the whole scenario aims at, as printed ("7-7,5%"). */
  scenario: z.string().nullable(),
  /** The year (or span) the plan column names ("Kế hoạch 2026", "KH năm 2026", "Mục tiêu đến 2030"); null when it names none. */
  period: z.string().nullable().optional(),
  indicators: z.array(Indicator),
});
export type Appendix = z.infer<typeof Appendix>;

export const Plan = z.object({
  /** Short stable key of the plan ("TV-77-2025"). */
  id: z.string(),
  province: z.string(),
  /** Document number as printed ("77/QĐ-UBND"); drafts have none. */
  number: z.string(),
  /** Date as printed ("18/01/2025"), or the year only. */
  date: z.string(),
  title: z.string(),
  /** File name of the source document in seeds/, or "paste". */
  source: z.string(),
  appendices: z.array(Appendix),
  /** The plan's task appendices (nhiệm vụ), when it has any. */
  tasks: z.array(TaskAppendix).optional(),
});
export type Plan = z.infer<typeof Plan>;

export const Catalog = z.object({ plans: z.array(Plan) });
export type Catalog = z.infer<typeof Catalog>;

export function catalogIndicators(catalog: Catalog): Indicator[] {
  return catalog.plans.flatMap((p) => p.appendices.flatMap((a) => a.indicators));
}
