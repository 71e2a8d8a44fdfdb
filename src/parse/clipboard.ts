/**
 * Tab-separated text as Excel puts it on the clipboard (and saves "Text (Tab delimited)"): cells separated by
 * tabs, rows by line breaks, and a cell that holds a tab, a line break or a quote written inside quotes with its
 * quotes doubled — "Tỷ lệ E⏎dòng hai" is one cell, not two rows. Word and PDF viewers do not quote, and a cell
 * may simply begin with a quotation mark ("Xanh - Sạch - Đẹp" là …), so a field counts as quoted only when it
 * is well formed: it opens with a quote, every quote inside is doubled, and the closing quote is followed by a
 * tab, a line break or the end. Anything else is literal text, as it was pasted.
 *
 * `unquoteClipboard` returns the same table as plain lines, one row per line: a line break inside a cell
 * becomes a space (the table reader joins wrapped text the same way), a tab inside a cell a space.
 */
const MAX_LINES_IN_CELL = 50;

export function clipboardRows(text: string): string[][] {
  const src = text.replace(/\r\n?/g, "\n");
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = src.length;
  let atFieldStart = true;
  let cell = "";
  while (i <= n) {
    if (atFieldStart && src[i] === '"') {
      const quoted = readQuoted(src, i);
      if (quoted) {
        cell = quoted.value;
        i = quoted.end;
        atFieldStart = false;
        continue;
      }
    }
    atFieldStart = false;
    const ch = i < n ? src[i]! : "\n";
    if (ch === "\t") {
      row.push(cell);
      cell = "";
      atFieldStart = true;
    } else if (ch === "\n") {
      row.push(cell);
      if (i < n || row.length > 1 || cell !== "") rows.push(row);
      row = [];
      cell = "";
      atFieldStart = true;
    } else cell += ch;
    i++;
  }
  return rows;
}

/** A well-formed quoted field starting at `start`: its value and the index just after the closing quote; null otherwise. */
function readQuoted(src: string, start: number): { value: string; end: number } | null {
  let value = "";
  let lines = 0;
  for (let i = start + 1; i < src.length; i++) {
    const ch = src[i]!;
    if (ch === '"') {
      if (src[i + 1] === '"') {
        value += '"';
        i++;
        continue;
      }
      const next = src[i + 1];
      return next === undefined || next === "\t" || next === "\n" ? { value, end: i + 1 } : null;
    }
    if (ch === "\n" && ++lines > MAX_LINES_IN_CELL) return null;
    value += ch;
  }
  return null;
}

/** The table with quoted cells resolved, one row per line, tabs between cells; text without quotes is returned as it is. */
export function unquoteClipboard(text: string): string {
  if (!/(^|[\t\n\r])"/.test(text)) return text;
  return clipboardRows(text)
    .map((cells) => cells.map((c) => c.replace(/[\t\n]+/g, " ")).join("\t"))
    .join("\n");
}
