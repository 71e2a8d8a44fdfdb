import type { Catalog } from "../model/plan";
import { parseDocument, type DocumentSpec, type Skipped } from "./document";
import { SEED_DOCUMENTS } from "./seeds";

export interface CatalogResult {
  catalog: Catalog;
  /** Per plan: what was passed over and why. */
  skipped: Record<string, Skipped[]>;
}

/** Builds the catalog of the given documents; `readText` supplies each file's text (fs in Node, a bundle in the pane). */
export function buildCatalog(readText: (file: string) => string, specs: readonly DocumentSpec[] = SEED_DOCUMENTS): CatalogResult {
  const skipped: Record<string, Skipped[]> = {};
  const plans = specs.map((spec) => {
    const result = parseDocument(readText(spec.meta.source), spec);
    skipped[spec.meta.id] = result.skipped;
    return result.plan;
  });
  return { catalog: { plans }, skipped };
}
