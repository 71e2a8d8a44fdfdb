/**
 * @file Run as its own process by `npm run bench`: `prepare DIR` writes a master of 12 plans × 50 indicators
 * (monthly), eight honest forms filled in and four hostile ones built from real split forms (a row far past
 * Excel's last, a decompression bomb, a cell inside an XML comment, 300 000 unknown elements in a row);
 * `collect DIR` times collecting all twelve through the CLI's collect and prints the time, peak memory, the
 * entries collected and the forms refused.
 */
import { performance } from "node:perf_hooks";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateCatalog } from "./generate";
import { withBomb, withPart } from "./hostileZip";
import { buildWorkbookPlan } from "../sheets/workbook";
import { readExisting } from "../sheets/existing";
import { refreshWorkbook } from "../sheets/merge";
import { splitMaster } from "../sheets/forms";
import { snapshotOfWorkbookFile, writeWorkbookFile } from "../hosts/xlsx/files";
import { INFLATE_CAPS } from "../hosts/xlsx/unsafe";
import { collectFiles } from "../cli/cycle";

const [mode, dir] = process.argv.slice(2);
const AS_OF = "15/12/2025";
const catalog = () => generateCatalog(12, 50, [2025], (p) => `Phòng Thống kê khu vực ${p + 1}`);

async function main(): Promise<void> {
  const master = join(dir!, "master.xlsx");
  const formsDir = join(dir!, "forms");
  const c = catalog();
  if (mode === "prepare") {
    mkdirSync(formsDir, { recursive: true });
    await writeWorkbookFile(buildWorkbookPlan(c, { asOf: AS_OF, calendar: "month", identity: { kind: "master", master: "bench-hostile", versions: {}, calendar: "month", reportDay: 20 } }), master);
    const existing = readExisting(await snapshotOfWorkbookFile(master));
    const refresh = refreshWorkbook(c, existing, { asOf: AS_OF, tolerance: 0.05, now: "01/12/2025 08:00" });
    const split = splitMaster(c, existing, refresh, { now: "01/12/2025 08:00", masterFile: "master.xlsx" });
    if (split.forms.length !== 12) throw new Error(`expected 12 forms, got ${split.forms.length}`);
    for (const [f, form] of split.forms.entries()) {
      for (const sheet of form.plan.sheets) {
        const months = sheet.columns.map((col, k) => ({ col, k })).filter(({ col }) => /^actual:2025-T\d\d$/.test(col.key));
        for (const [n, row] of Object.values(sheet.rowOf).entries()) for (const { k } of months) sheet.rows[row - 1]![k] = { ...sheet.rows[row - 1]![k], value: 40 + ((n * 7 + k + f) % 55) };
      }
      const file = join(formsDir, form.file);
      await writeWorkbookFile(form.plan, file);
      if (f < 8) continue;
      // The first sheet holding indicators: its part, and a row of it.
      const index = form.plan.sheets.findIndex((s) => Object.keys(s.rowOf).length > 0);
      const part = `xl/worksheets/sheet${index + 1}.xml`;
      const row = Object.values(form.plan.sheets[index]!.rowOf)[0]!;
      const intoRow = (xml: string, text: string) => {
        const at = xml.indexOf(">", xml.indexOf(`<row r="${row}"`)) + 1;
        return xml.slice(0, at) + text + xml.slice(at);
      };
      const bytes = readFileSync(file);
      if (f === 8) writeFileSync(file, withPart(bytes, part, (xml) => xml.replace("</sheetData>", '<row r="500000000"><c r="A500000000"><v>1</v></c></row></sheetData>')));
      if (f === 9) writeFileSync(file, await withBomb(bytes, part, INFLATE_CAPS.part + (1 << 20)));
      if (f === 10) writeFileSync(file, withPart(bytes, part, (xml) => intoRow(xml, '<!-- <c r="ZZ1"><v>777</v></c> -->')));
      if (f === 11) writeFileSync(file, withPart(bytes, part, (xml) => intoRow(xml, "<x/>".repeat(300_000))));
    }
    return;
  }
  let printed = "";
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((s: string | Uint8Array) => ((printed += String(s)), true)) as typeof process.stdout.write;
  const t0 = performance.now();
  const files = readdirSync(formsDir).sort().map((f) => join(formsDir, f));
  const code = await collectFiles(master, join(dir!, "collected.xlsx"), files, c, { asOf: AS_OF, tolerance: 0.05, now: "20/12/2025 08:00", protect: true, dryRun: false });
  const t1 = performance.now();
  process.stdout.write = write;
  const summary = /(\d+) số liệu \/ entries.*?(\d+) phiếu bị từ chối/.exec(printed);
  process.stdout.write(JSON.stringify({ total_ms: t1 - t0, code, edits: Number(summary?.[1] ?? -1), refused: Number(summary?.[2] ?? -1), peak_mb: process.resourceUsage().maxRSS / 1024 }) + "\n");
}

void main();
