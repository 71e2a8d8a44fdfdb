import { z } from "zod";

/**
 * A task (nhiệm vụ) of a plan's task appendix: what is to be done, by whom, by when. The agencies are as printed
 * (`lead`, `second`) and as the directory names them (`agencies`, canonical, agencies only — groups such as
 * "UBND các huyện, thị xã, thành phố" are kept in `groups`).
 */
export const DeadlineKind = z.enum(["date", "yearly", "continuous", "none"]);
export type DeadlineKind = z.infer<typeof DeadlineKind>;

export const Deadline = z.object({
  /** As printed in the deadline column, or the words of the task text it was found in. */
  text: z.string(),
  kind: DeadlineKind,
  /** ISO date (yyyy-mm-dd) the task is due; for a yearly task, the first year's. */
  due: z.string().nullable(),
  /** "yearly" for "Hàng năm": due each year of the plan. */
  recurring: z.enum(["yearly"]).nullable(),
  /** Why the date is what it is, in Vietnamese and English. */
  reason: z.object({ vi: z.string(), en: z.string() }),
});
export type Deadline = z.infer<typeof Deadline>;

export const AgencyRole = z.enum(["lead", "coordinating", "monitoring"]);
export type AgencyRole = z.infer<typeof AgencyRole>;

export const Task = z.object({
  /** Stable id: plan, appendix, code (or position), a hash of the folded name — like an indicator's. */
  id: z.string(),
  plan: z.string(),
  appendix: z.string(),
  /** STT as printed ("1.", "25:" read as "25"); empty where the table numbers nothing. */
  code: z.string(),
  /** The section the task is under ("I. Đẩy mạnh việc rà soát …"), or null. */
  section: z.string().nullable(),
  name: z.string(),
  /** Cơ quan chủ trì / thực hiện, as printed (continuation rows joined). */
  lead: z.string(),
  /** The second agency column: Cơ quan phối hợp (coordinating) or the one that follows up and reports (monitoring). */
  second: z.object({ role: z.enum(["coordinating", "monitoring"]), text: z.string() }).nullable(),
  /** Canonical agencies of the task with their role; groups are not agencies. */
  agencies: z.array(z.object({ name: z.string(), role: AgencyRole })),
  /** Groups named ("Các sở, ban, ngành", "UBND các huyện, thành phố"), canonical. */
  groups: z.array(z.string()),
  deadline: Deadline,
  /** Cấp trình: to whom it is submitted ("UBND tỉnh", "Chính phủ"), or "". */
  submitTo: z.string(),
  /** Sản phẩm: the expected product, when the table has the column. */
  product: z.string(),
  /** 1-based line of the source where the task starts. */
  line: z.number(),
});
export type Task = z.infer<typeof Task>;

export const TaskSection = z.object({ code: z.string(), title: z.string() });
export type TaskSection = z.infer<typeof TaskSection>;

export const TaskAppendix = z.object({
  id: z.string(),
  title: z.string(),
  headers: z.array(z.string()),
  sections: z.array(TaskSection),
  tasks: z.array(Task),
});
export type TaskAppendix = z.infer<typeof TaskAppendix>;
