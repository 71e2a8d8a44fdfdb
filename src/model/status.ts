import { z } from "zod";

/** The verdicts of Vietnamese year-end reports, plus the three a monitoring sheet needs besides. */
export const Status = z.enum(["exceeded", "met", "near", "shortfall", "no_data", "invalid", "not_applicable"]);
export type Status = z.infer<typeof Status>;
