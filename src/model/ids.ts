/** Folds a Vietnamese text to a comparison key: lower case, no tone marks, đ → d, single spaces. */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, " ")
    .trim();
}

/** FNV-1a, 32 bits, as 6 hex digits: short, deterministic, no dependency. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return ((h >>> 0) & 0xffffff).toString(16).padStart(6, "0");
}

/**
 * The stable id of an indicator: plan, appendix, code and a hash of the folded name, e.g. "TV-77-2025.IV.33.4be1c2".
 * The same row read again gives the same id; a renumbered row keeps its name hash, which the refresh merge
 * uses to find it again. Sub-rows use their parent's code with their position ("9.1").
 */
export function indicatorId(plan: string, appendix: string, code: string, name: string): string {
  const cleanCode = code.replace(/[^0-9A-Za-z.]+/g, "") || "0";
  return `${plan}.${appendix}.${cleanCode}.${shortHash(foldText(name))}`;
}

/** The name hash an id ends with ("TV.IV.7.a1b2c3" → "a1b2c3"): rows and tasks keep it when renumbered. */
export function hashOfId(id: string): string {
  return id.slice(id.lastIndexOf(".") + 1);
}

/** The name part of an id, for matching a renumbered row. */
export function nameKey(name: string): string {
  return shortHash(foldText(name));
}

/** A short name as an id for sheet names: "Đồng Tháp 2026" → "DONG-THAP-2026" (letters, digits, dashes, ≤ 16). */
export function idFromName(name: string): string {
  const ascii = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "D")
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return ascii.slice(0, 16).replace(/-+$/, "") || "BANG-DAN";
}
