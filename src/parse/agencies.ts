import { foldText } from "../model/ids";
import type { AgencyRole } from "../model/task";
import { cleanText } from "./clean";

/**
 * Agencies as plans name them, read to one canonical name each: spacing around hyphens, tone-mark placement
 * ("Văn hoá" / "Văn hóa"), case and trailing punctuation fold away (the comparison key is the folded text); a
 * missing "Sở" ("Kế hoạch và Đầu tư,"), the abbreviations (Sở NN&PTNT, Sở LĐTB&XH, Trung tâm XTĐTMDL, BCH) and
 * the typos seen ("BCH Quân dự tỉnh", "củ tri") are read through. A cell names several: they are split at
 * commas, ";" and "và" where a known name ends, and where a name follows another with no separator ("Cục Thuế
 * tỉnh Chi cục Hải quan"); "Các sở: Văn hóa, …, Y tế" lists Sở by their field. Roles written in the text
 * ("Sở Công Thương chủ trì, phối hợp với …") are read. Groups ("Các sở, ban, ngành", "UBND các huyện, thị xã,
 * thành phố") are kept as groups, not agencies. A name not in the list is kept as printed, cleaned, and is an
 * agency of its own — the directory sheet is where staff add it to another's aliases.
 */
export interface AgencyName {
  name: string;
  kind: "agency" | "group";
  /** Other ways of writing it (folded keys are compared); without "Sở" for a Sở. */
  aliases: string[];
}

const SO = [
  "Kế hoạch và Đầu tư",
  "Tài chính",
  "Công Thương",
  "Xây dựng",
  "Giao thông vận tải",
  "Nông nghiệp và Phát triển nông thôn",
  "Nông nghiệp và Môi trường",
  "Tài nguyên và Môi trường",
  "Lao động - Thương binh và Xã hội",
  "Giáo dục và Đào tạo",
  "Y tế",
  "Khoa học và Công nghệ",
  "Thông tin và Truyền thông",
  "Văn hóa, Thể thao và Du lịch",
  "Nội vụ",
  "Tư pháp",
  "Ngoại vụ",
  "Du lịch",
  "Dân tộc và Tôn giáo",
];

export const KNOWN_AGENCIES: readonly AgencyName[] = [
  ...SO.map((field) => ({ name: `Sở ${field}`, kind: "agency" as const, aliases: [field] })),
  { name: "Văn phòng UBND tỉnh", kind: "agency", aliases: ["Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng UBND"] },
  { name: "Thanh tra tỉnh", kind: "agency", aliases: [] },
  { name: "Ban Dân tộc tỉnh", kind: "agency", aliases: ["Ban Dân tộc"] },
  { name: "Công an tỉnh", kind: "agency", aliases: [] },
  { name: "Bộ Chỉ huy Quân sự tỉnh", kind: "agency", aliases: ["Bộ Chỉ huy Quân sự"] },
  { name: "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", kind: "agency", aliases: ["Bộ Chỉ huy Bộ đội Biên phòng", "Bộ đội Biên phòng tỉnh"] },
  { name: "Cục Thuế tỉnh", kind: "agency", aliases: ["Cục Thuế"] },
  { name: "Chi cục Hải quan", kind: "agency", aliases: ["Cục Hải quan", "Cục Hải quan tỉnh"] },
  { name: "Cục Thống kê tỉnh", kind: "agency", aliases: ["Cục Thống kê"] },
  { name: "Bảo hiểm xã hội tỉnh", kind: "agency", aliases: ["Bảo hiểm xã hội"] },
  { name: "Chi nhánh Ngân hàng Nhà nước", kind: "agency", aliases: ["Ngân hàng Nhà nước chi nhánh tỉnh", "Ngân hàng Nhà nước"] },
  { name: "Ban Quản lý Khu kinh tế", kind: "agency", aliases: [] },
  { name: "Liên minh Hợp tác xã tỉnh", kind: "agency", aliases: ["Liên minh Hợp tác xã"] },
  { name: "Cục Thi hành án dân sự tỉnh", kind: "agency", aliases: ["Cục Thi hành án dân sự"] },
  { name: "Trường Đại học Trà Vinh", kind: "agency", aliases: [] },
  { name: "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch", kind: "agency", aliases: ["Trung tâm Xúc tiến Đầu tư Thương mại Du lịch"] },
  {
    name: "Các sở, ban, ngành tỉnh",
    kind: "group",
    aliases: ["Các sở, ban, ngành", "Các sở, ngành tỉnh", "Các sở, ngành", "Các sở ngành", "sở, ngành tỉnh", "Các sở, ngành có liên quan", "Các sở ngành có liên quan", "sở, ngành tỉnh có liên quan", "Các sở, ngành tỉnh có liên quan"],
  },
  {
    name: "UBND các huyện, thị xã, thành phố",
    kind: "group",
    aliases: ["UBND các huyện, thành phố", "Ủy ban nhân dân các huyện, thị xã, thành phố", "Ủy ban nhân dân các huyện, thành phố", "UBND cấp huyện"],
  },
  { name: "Các địa phương có liên quan", kind: "group", aliases: ["địa phương có liên quan", "các địa phương"] },
];

/** A word boundary that knows Vietnamese letters (JavaScript's \b is ASCII only). */
const B = String.raw`(?<![\p{L}\p{N}])`;
const E = String.raw`(?![\p{L}\p{N}])`;
const re = (body: string, flags = "gu") => new RegExp(`${B}(?:${body})${E}`, flags);

/** Abbreviations and typos read through before matching: [pattern, reading]. */
const READ_THROUGH: ReadonlyArray<readonly [RegExp, string]> = [
  [re(String.raw`NN\s*&\s*PTNT`, "gu"), "Nông nghiệp và Phát triển nông thôn"],
  [re(String.raw`LĐ\s*-?\s*TB\s*&\s*XH|LĐTB&XH|LĐTBXH`, "gu"), "Lao động - Thương binh và Xã hội"],
  [re(String.raw`KH\s*&\s*ĐT|KHĐT`, "gu"), "Kế hoạch và Đầu tư"],
  [re(String.raw`TN\s*&\s*MT|TNMT`, "gu"), "Tài nguyên và Môi trường"],
  [re(String.raw`GD\s*&\s*ĐT|GDĐT`, "gu"), "Giáo dục và Đào tạo"],
  [re(String.raw`VH\s*,?\s*TT\s*&\s*DL|VHTTDL`, "gu"), "Văn hóa, Thể thao và Du lịch"],
  [re(String.raw`KH\s*&\s*CN|KHCN`, "gu"), "Khoa học và Công nghệ"],
  [re(String.raw`TT\s*&\s*TT|TTTT`, "gu"), "Thông tin và Truyền thông"],
  [re(String.raw`GTVT`, "gu"), "Giao thông vận tải"],
  [re(String.raw`(?:Trung tâm\s+)?XTĐTMDL|(?:Trung tâm\s+)?XTĐT,?\s*TM\s*(?:&|và)\s*DL`, "gu"), "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch"],
  [re(String.raw`BCH`, "gu"), "Bộ Chỉ huy"],
  [re(String.raw`Quân dự`, "gu"), "Quân sự"],
  [re(String.raw`củ tri`, "giu"), "chủ trì"],
];

interface Known {
  entry: AgencyName;
  words: string[];
}

function knownOf(names: readonly AgencyName[]): Known[] {
  return (
    names
      .flatMap((entry) => [entry.name, ...entry.aliases].map((a) => ({ entry, words: foldText(a).split(" ").filter(Boolean) })))
      .filter((k) => k.words.length > 0)
      // Longest first: "Sở Văn hóa, Thể thao và Du lịch" before "Sở Văn hóa".
      .sort((a, b) => b.words.length - a.words.length)
  );
}

const BUILT_IN: Known[] = knownOf(KNOWN_AGENCIES);
const WITH_EXTRA = new WeakMap<readonly AgencyName[], Known[]>();

/** The names to match: the built-in list with the directory sheet's names and aliases staff added. */
function known(extra?: readonly AgencyName[]): Known[] {
  if (!extra || extra.length === 0) return BUILT_IN;
  let k = WITH_EXTRA.get(extra);
  if (!k) {
    const merged = new Map<string, AgencyName>(KNOWN_AGENCIES.map((a) => [a.name, { ...a, aliases: [...a.aliases] }]));
    // A name staff wrote as another's alias is that other's now (the directory lists it apart until a refresh).
    const aliasKeys = new Set(extra.flatMap((e) => e.aliases.map((a) => foldText(a))));
    for (const e of extra) {
      if (aliasKeys.has(foldText(e.name)) && !e.aliases.some((a) => foldText(a) === foldText(e.name))) continue;
      const m = merged.get(e.name);
      if (m) m.aliases.push(...e.aliases);
      else merged.set(e.name, { ...e, aliases: [...e.aliases] });
    }
    k = knownOf([...merged.values()]);
    WITH_EXTRA.set(extra, k);
  }
  return k;
}

export interface AgencyMention {
  /** Canonical name. */
  name: string;
  kind: "agency" | "group";
  role: AgencyRole;
  /** As printed. */
  printed: string;
  /** True when the name is not in the list (kept as printed). */
  unknown: boolean;
}

interface Token {
  word: string;
  start: number;
  end: number;
  /** A separator (",", ";", ":") right after the word. */
  sepAfter: boolean;
}

/** Whether a separator (",", ";", ":") follows `end`, past white space; looks no further than the next character. */
function separatorAt(text: string, end: number): boolean {
  let k = end;
  while (k < text.length && /\s/.test(text[k]!)) k++;
  const c = text[k];
  return c === "," || c === ";" || c === ":";
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const start = m.index!;
    const end = start + m[0].length;
    out.push({ word: foldText(m[0]), start, end, sepAfter: separatorAt(text, end) });
  }
  return out.filter((t) => t.word !== "");
}

const ROLE_LEAD = re(String.raw`chủ\s+trì`, "iu");
const ROLE_WITH = re(String.raw`(?:và\s+)?phối\s+hợp(?:\s+với)?`, "iu");

/** The agencies and groups a cell names, each with its role (the column's, unless the text says otherwise). */
export function splitAgencies(raw: string, role: AgencyRole = "lead", extra?: readonly AgencyName[]): AgencyMention[] {
  const names = known(extra);
  let text = cleanText(raw);
  for (const [re, reading] of READ_THROUGH) text = text.replace(re, reading);
  // Roles in the text: "X chủ trì, phối hợp với Y".
  const lead = ROLE_LEAD.exec(text);
  if (lead) {
    const before = text.slice(0, lead.index);
    const after = text.slice(lead.index + lead[0].length).replace(/^\s*,?\s*/u, "");
    const rest = after.replace(ROLE_WITH, "");
    return [...splitNames(before, "lead", names), ...splitNames(rest, "coordinating", names)];
  }
  return splitNames(text, role, names);
}

function splitNames(text: string, role: AgencyRole, names: Known[]): AgencyMention[] {
  const out: AgencyMention[] = [];
  const seen = new Set<string>();
  const push = (m: AgencyMention) => {
    if (seen.has(m.name)) return;
    seen.add(m.name);
    out.push(m);
  };
  const toks = tokens(text);
  // "Các sở: Văn hóa, Thể thao và Du lịch, Giáo dục và Đào tạo": each field is a Sở (a field alone is an alias
  // of its Sở), so the words "Các sở:" are passed over.
  let i = 0;
  while (i < toks.length) {
    if (toks[i]!.word === "va" || toks[i]!.word === "voi") {
      i++;
      continue;
    }
    if (toks[i]!.word === "cac" && toks[i + 1]?.word === "so" && /^\s*:/.test(text.slice(toks[i + 1]!.end))) {
      i += 2;
      continue;
    }
    const match = longestMatch(toks, i, names) ?? truncated(toks, i, names);
    if (match) {
      const printed = text.slice(toks[i]!.start, toks[i + match.length - 1]!.end);
      push({ name: match.entry.name, kind: match.entry.kind, role, printed, unknown: false });
      i += match.length;
      continue;
    }
    // Not in the list: the words up to the next separator.
    let j = i;
    while (j < toks.length - 1 && !toks[j]!.sepAfter && !longestMatch(toks, j + 1, names)) j++;
    const printed = text.slice(toks[i]!.start, toks[j]!.end);
    const name = printed.charAt(0).toUpperCase() + printed.slice(1);
    push({ name, kind: "agency", role, printed, unknown: true });
    i = j + 1;
  }
  return out;
}

/** The known name that the words from `i` begin with, the longest. */
function longestMatch(toks: Token[], i: number, names: Known[]): { entry: AgencyName; length: number } | null {
  for (const k of names) {
    if (i + k.words.length > toks.length) continue;
    if (!k.words.every((w, n) => toks[i + n]!.word === w)) continue;
    return { entry: k.entry, length: k.words.length };
  }
  return null;
}

/**
 * A cell cut short by the page ("Sở Văn hoá, Thể thao" for "Sở Văn hóa, Thể thao và Du lịch"): the words left,
 * at least two and reaching the end of the cell, begin exactly one known name.
 */
function truncated(toks: Token[], i: number, names: Known[]): { entry: AgencyName; length: number } | null {
  // Only a name longer than the words left can begin with them: far from the cell's end none can (names are
  // sorted longest first), and the words are not copied — a long cell stays linear.
  if (toks.length - i < 2 || toks.length - i >= (names[0]?.words.length ?? 0)) return null;
  const rest = toks.slice(i).map((t) => t.word);
  const fits = new Set(names.filter((k) => k.words.length > rest.length && rest.every((w, n) => k.words[n] === w)).map((k) => k.entry));
  if (fits.size !== 1) return null;
  return { entry: [...fits][0]!, length: rest.length };
}

/** The directory's key of a name: case, tone marks, spacing and punctuation folded. */
export function agencyKey(name: string): string {
  return foldText(name);
}
