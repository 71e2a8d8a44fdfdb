/**
 * CSV as spreadsheets write it (RFC 4180): a cell that opens with a quote may hold the separator, line breaks and
 * doubled quotes ("" is one "). A quote inside a cell that did not open with one is an ordinary character, as
 * Excel and LibreOffice read it (5"2 stays 5"2, never a quoted stretch that swallows the quote); spaces before
 * an opening quote are dropped, text after a closing quote is kept with the cell.
 */
export function parseCsv(text: string, separator = ","): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  /** Whether the cell already had a quoted stretch (a quote opens one only at the start, after spaces at most). */
  let opened = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && !opened && cell.trim() === "") {
      quoted = true;
      opened = true;
      cell = "";
    } else if (ch === separator) {
      row.push(cell);
      cell = "";
      opened = false;
    } else if (ch === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      opened = false;
    } else if (ch !== "\r") cell += ch;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
