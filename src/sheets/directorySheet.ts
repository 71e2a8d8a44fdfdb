import type { Catalog } from "../model";
import type { AgencyName } from "../parse/agencies";
import { agencyDirectory } from "../parse/directory";
import { rowHeight, type Cell, type SheetSpec } from "./plan";
import { foldText } from "../model/ids";

/**
 * The directory of agencies in the workbook ("Danh mục cơ quan"): each canonical agency or group with the
 * other ways the documents write it and how many indicators and tasks name it. Staff may add ways of writing
 * a name to "Cũng viết là" (separated by ";"), or a row of their own: the next refresh reads the sheet first,
 * and what they added names the same agency from then on (in the summary's counts and on the task sheets).
 */
export const DIRECTORY_SHEET = "Danh mục cơ quan";
/** Cell A1 of the sheet: how a refresh knows it is the directory, whatever staff named it. */
export const DIRECTORY_MARK = "im:agencies";
export const DIRECTORY_HEADER_ROW = 4;
const GROUP = "nhóm";

export function buildDirectorySheet(catalog: Catalog, extra: readonly AgencyName[] = []): SheetSpec {
  const entries = agencyDirectory(catalog, extra);
  const added = new Map(extra.map((e) => [e.name, e]));
  const columns = [
    { key: "mark", header: "", width: 2, hidden: true },
    { key: "name", header: "Tên chuẩn", width: 40 },
    { key: "kind", header: "Loại", width: 10 },
    { key: "aliases", header: "Cũng viết là (ngăn cách bằng ;)", width: 60, input: true },
    { key: "indicators", header: "Số chỉ tiêu", width: 10 },
    { key: "tasks", header: "Số nhiệm vụ", width: 10 },
  ];
  const rows: Cell[][] = [
    [{ value: DIRECTORY_MARK }, { value: "DANH MỤC CƠ QUAN", style: "title" }, {}, {}, {}, {}],
    [{}, { value: "Thêm cách viết khác của một cơ quan vào cột “Cũng viết là” (ngăn cách bằng dấu ;) hoặc thêm một dòng mới: lần cập nhật sau sẽ dùng để gộp số liệu theo tên chuẩn.", style: "note" }, {}, {}, {}, {}],
    [{}, {}, {}, {}, {}, {}],
    [{}, ...columns.slice(1).map((c) => ({ value: c.header, style: "sumHeader" }) as Cell)],
  ];
  const seen = new Set<string>();
  for (const e of entries) {
    seen.add(e.name);
    const aliases = [...new Set([...e.aliases, ...(added.get(e.name)?.aliases ?? [])])];
    rows.push([
      {},
      { value: e.name, style: "sumLabel" },
      { value: e.kind === "group" ? GROUP : "cơ quan", style: "sumLabel" },
      { value: aliases.join("; "), style: "inputText" },
      { value: e.indicators, style: "sumNumber" },
      { value: e.tasks, style: "sumNumber" },
    ]);
  }
  // Names staff added that no document names yet stay, with their aliases (not one staff made another's alias).
  const aliasKeys = new Set(extra.flatMap((e) => e.aliases.map((a) => foldText(a))));
  for (const e of extra) {
    if (seen.has(e.name) || aliasKeys.has(foldText(e.name))) continue;
    rows.push([{}, { value: e.name, style: "sumLabel" }, { value: e.kind === "group" ? GROUP : "cơ quan", style: "sumLabel" }, { value: e.aliases.join("; "), style: "inputText" }, { value: 0, style: "sumNumber" }, { value: 0, style: "sumNumber" }]);
  }
  const last = rows.length;
  return {
    name: DIRECTORY_SHEET,
    kind: "directory",
    plan: null,
    appendix: null,
    columns,
    rows,
    heights: { "1": 22, "2": 28, [String(DIRECTORY_HEADER_ROW)]: 30, ...Object.fromEntries(rows.slice(DIRECTORY_HEADER_ROW).map((r, k) => [String(DIRECTORY_HEADER_ROW + 1 + k), rowHeight(r, columns)])) },
    merges: ["B2:F2"],
    table: null,
    dataRows: { first: DIRECTORY_HEADER_ROW + 1, last: Math.max(last, DIRECTORY_HEADER_ROW + 1) },
    rowOf: {},
    freeze: { row: DIRECTORY_HEADER_ROW, column: 0 },
    conditional: [],
    validations: [],
    print: { orientation: "landscape", paperSize: 9, fitToWidth: 1, fitToHeight: 0, titleRows: `${DIRECTORY_HEADER_ROW}:${DIRECTORY_HEADER_ROW}`, area: `B1:F${last}`, header: "&L&8Theo dõi chỉ tiêu — danh mục cơ quan", footer: "&C&8Trang &P/&N&R&8&A" },
    protect: false,
    tabColor: "7F7F7F",
  };
}

/** The names and aliases on a directory sheet as it is now (rows of plain values from A1), for the next refresh. */
export function readDirectoryRows(rows: unknown[][]): AgencyName[] {
  const header = rows.findIndex((r) => r.some((v) => typeof v === "string" && v.startsWith("Cũng viết là")));
  if (header < 0) return [];
  const cols = rows[header]!;
  const at = (prefix: string) => cols.findIndex((v) => typeof v === "string" && v.startsWith(prefix));
  const [n, k, a] = [at("Tên chuẩn"), at("Loại"), at("Cũng viết là")];
  const out: AgencyName[] = [];
  for (const row of rows.slice(header + 1)) {
    const name = typeof row[n] === "string" ? (row[n] as string).trim() : "";
    if (name === "") continue;
    const aliases = typeof row[a] === "string" ? (row[a] as string).split(";").map((x) => x.trim()).filter(Boolean) : [];
    out.push({ name, kind: typeof row[k] === "string" && (row[k] as string).trim().toLowerCase() === GROUP ? "group" : "agency", aliases });
  }
  return out;
}
