import { performance } from "node:perf_hooks";
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { generateCatalog } from "./generate";
import { buildWorkbookPlan } from "../sheets/workbook";
import { excelStyle, writeCell } from "../hosts/xlsx/write";

/**
 * The anchor of `workbook_large_vs_stream`, run as its own process by `npm run bench`: ExcelJS's streaming
 * writer (stream.xlsx.WorkbookWriter, styles on, shared strings off) writing the same cells as the large
 * workbook — every value, formula and cell style of the same plan, sheet by sheet, row by row — to a stream
 * whose bytes are only counted. The plan is built before the clock starts. Prints the time and peak memory.
 */
async function main(): Promise<void> {
  const plan = buildWorkbookPlan(generateCatalog(63, 50), { asOf: "31/12/2025" });
  let bytes = 0;
  const sink = new PassThrough();
  sink.on("data", (chunk: Buffer) => (bytes += chunk.length));
  const t0 = performance.now();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  for (const sheet of plan.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    ws.columns = sheet.columns.map((c) => ({ key: c.key, width: c.width, hidden: c.hidden ?? false }));
    sheet.rows.forEach((cells, ri) => {
      const row = ws.getRow(ri + 1);
      cells.forEach((cell, ci) => {
        let st = cell.style ? styles.get(cell.style) : undefined;
        if (cell.style && !st) styles.set(cell.style, (st = excelStyle(plan.styles[cell.style] ?? {})));
        writeCell(row.getCell(ci + 1), cell, st);
      });
      row.commit();
    });
    ws.commit();
  }
  await wb.commit();
  const t1 = performance.now();
  process.stdout.write(JSON.stringify({ total_ms: t1 - t0, bytes, peak_mb: process.resourceUsage().maxRSS / 1024 }) + "\n");
}

void main();
