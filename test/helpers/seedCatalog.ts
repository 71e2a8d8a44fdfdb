import { buildCatalog, type CatalogResult } from "../../src/parse/catalog";
import { catalogIndicators, type Indicator } from "../../src/model";
import { readSeed } from "../../src/node/seeds-fs";

let cached: CatalogResult | null = null;

/** The catalog of the five seed documents, built once per test file. */
export function seedCatalog(): CatalogResult {
  cached ??= buildCatalog(readSeed);
  return cached;
}

export function seedIndicators(): Indicator[] {
  return catalogIndicators(seedCatalog().catalog);
}

export function appendix(plan: string, id: string): Indicator[] {
  const p = seedCatalog().catalog.plans.find((x) => x.id === plan);
  const a = p?.appendices.find((x) => x.id === id);
  if (!a) throw new Error(`no appendix ${plan}/${id}`);
  return a.indicators;
}

/** The level-0 row with this printed code. */
export function row(plan: string, app: string, code: string): Indicator {
  const found = appendix(plan, app).find((i) => i.code === code && i.level === 0);
  if (!found) throw new Error(`no row ${code} in ${plan}/${app}`);
  return found;
}

export function childrenOf(parent: Indicator): Indicator[] {
  return seedIndicators().filter((i) => i.parentId === parent.id);
}
