import { performance } from "node:perf_hooks";
import { buildCatalog } from "../parse/catalog";
import { SEED_DOCUMENTS } from "../parse/seeds";
import { parseNumber } from "../parse/number";
import { parseTarget } from "../parse/target";
import { parsePastedTable } from "../parse/document";
import { readSeed } from "../node/seeds-fs";
import { judgeCell } from "../evaluate/judge";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { buildCatalog as catalogOfSeeds } from "../parse/catalog";
import { buildWorkbookPlan } from "../sheets/workbook";
import { planBytes } from "../hosts/xlsx/planWriter";
import { zlibDeflater } from "../hosts/xlsx/files";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { gzipSync } from "node:zlib";
import { applySheetPlan } from "../hosts/office/apply";
import { createExcelModel } from "../../test/excel/model";
import { features } from "../hosts/office/features";
import { readEntriesFromExcel, refreshInExcel } from "../hosts/office/refresh";
import { generateCatalog } from "../bench/generate";
import { emptyTarget, type Direction, type Target } from "../model";
import { parseArgs } from "./args";

/**
 * npm run bench [-- --json]
 * Each figure is the median of several timed runs after a warm-up. Later issues add their figures to
 * BENCHMARKS (workbook build, evaluations per second, sync counts); the JSON object keeps every name.
 */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  what: string;
}

interface Benchmark {
  run: () => Figure[] | Promise<Figure[]>;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Median milliseconds of `runs` calls after `warmup` untimed ones. */
export function timeMs(fn: () => unknown, runs = 15, warmup = 5): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

const round = (x: number, digits = 2) => Number(x.toFixed(digits));

const BENCHMARKS: Benchmark[] = [
  {
    run: () => {
      const texts = new Map(SEED_DOCUMENTS.map((d) => [d.meta.source, readSeed(d.meta.source)]));
      const ms = timeMs(() => buildCatalog((f) => texts.get(f)!), 25, 5);
      return [{ name: "parse_seeds_ms", value: round(ms), unit: "ms", what: "đọc cả 5 văn bản mẫu thành danh mục / parse all five seeds into the catalog" }];
    },
  },
  {
    run: () => {
      const samples = ["95,10", "4.960", "1.462,8", "107.27", "-4,13%", "1,800", "abc", "30.000"];
      const n = 200_000;
      const ms = timeMs(() => {
        for (let i = 0; i < n; i++) parseNumber(samples[i & 7]!);
      }, 7, 2);
      return [{ name: "parse_number_per_s", value: Math.round((n / ms) * 1000), unit: "/s", what: "đọc số kiểu Việt Nam / numbers read per second" }];
    },
  },
  {
    run: () => {
      const samples = ["< 3", "9,77; phân đầu tăng khoảng 14,43", "35 đến 40", "đuy trì dưới 3%", "Trên 91", "≤2,7", "Đạt", "30.000 - 32.000 tỷ đồng"];
      const n = 20_000;
      const ms = timeMs(() => {
        for (let i = 0; i < n; i++) parseTarget(samples[i & 7]!, { unit: "%" });
      }, 7, 2);
      return [{ name: "parse_target_per_s", value: Math.round((n / ms) * 1000), unit: "/s", what: "đọc cụm chỉ tiêu / target phrases read per second" }];
    },
  },
  {
    run: () => {
      const n = 1_000_000;
      const batch = evaluationBatch(n);
      let sink = 0;
      const ms = timeMs(() => {
        for (let i = 0; i < n; i++) {
          const j = judgeCell(batch.targets[i]!, batch.directions[i]!, batch.cells[i], { baseline: batch.baselines[i] });
          sink += j.status.length;
        }
      }, 5, 1);
      if (sink === 0) throw new Error("the batch judged nothing");
      return [{ name: "evaluations_per_s", value: Math.round((n / ms) * 1000), unit: "/s", what: "đánh giá thực hiện so với chỉ tiêu, 1 triệu cặp / actual-target evaluations (1 million pairs)" }];
    },
  },
  {
    run: async () => {
      const { catalog } = catalogOfSeeds(readSeed);
      const once = async () => (await planBytes(buildWorkbookPlan(catalog, { asOf: "31/12/2025" }), zlibDeflater)).byteLength;
      for (let i = 0; i < 2; i++) await once();
      const times: number[] = [];
      for (let i = 0; i < 7; i++) {
        const t0 = performance.now();
        await once();
        times.push(performance.now() - t0);
      }
      return [{ name: "workbook_seeds_ms", value: round(median(times)), unit: "ms", what: "dựng và ghi workbook của các văn bản mẫu / build and write the seeds' workbook" }];
    },
  },
  {
    run: () => {
      // Its own process each time, so that the peak memory is the build's alone.
      const script = join(__dirname, "../bench/largeWorkbook.ts");
      const anchor = join(__dirname, "../bench/streamAnchor.ts");
      // Ours and ExcelJS's streaming writer for the same cells, alternating, in the same run.
      const runs: { total_ms: number; peak_mb: number; bytes: number }[] = [];
      const stream: { total_ms: number; peak_mb: number }[] = [];
      for (let i = 0; i < 3; i++) {
        runs.push(JSON.parse(execFileSync(process.execPath, ["--import", "tsx", script], { encoding: "utf8" })));
        stream.push(JSON.parse(execFileSync(process.execPath, ["--import", "tsx", anchor], { encoding: "utf8" })));
      }
      const ours = median(runs.map((r) => r.total_ms));
      const theirs = median(stream.map((r) => r.total_ms));
      return [
        { name: "workbook_large_stream_ms", value: round(theirs), unit: "ms", what: "ExcelJS stream.xlsx.WorkbookWriter, cùng các ô (không tính dựng kế hoạch) / ExcelJS's streaming writer, the same cells (plan built beforehand)" },
        { name: "workbook_large_vs_stream", value: round(ours / theirs, 2), unit: "×", what: "thời gian của ta (dựng + ghi) ÷ của ExcelJS streaming (chỉ ghi); mục tiêu ≤ 1,5 / ours (build + write) ÷ ExcelJS streaming (write only); bar ≤ 1.5" },
        { name: "workbook_large_ms", value: round(median(runs.map((r) => r.total_ms))), unit: "ms", what: "63 tỉnh × 50 chỉ tiêu × 5 năm: dựng và ghi .xlsx / build and write" },
        { name: "workbook_large_peak_mb", value: round(median(runs.map((r) => r.peak_mb)), 1), unit: "MB", what: "bộ nhớ đỉnh của lần dựng đó; mục tiêu < 400 / peak memory of that build; bar < 400" },
        { name: "workbook_large_file_mb", value: round(median(runs.map((r) => r.bytes)) / 1048576, 2), unit: "MB", what: "cỡ tệp .xlsx / size of the file" },
      ];
    },
  },
  {
    run: () => {
      // Collecting 63 agencies' forms (50 indicators × 12 months each, every cell filled) into their master:
      // prepared by one process, collected (read master and forms, merge, write) by another, three times.
      const script = join(__dirname, "../bench/largeCollect.ts");
      const dir = mkdtempSync(join(tmpdir(), "im-bench-collect-"));
      execFileSync(process.execPath, ["--import", "tsx", script, "prepare", dir]);
      const runs = [0, 1, 2].map(() => JSON.parse(execFileSync(process.execPath, ["--import", "tsx", script, "collect", dir], { encoding: "utf8" })) as { total_ms: number; peak_mb: number; edits: number });
      rmSync(dir, { recursive: true });
      if (runs.some((r) => r.edits !== 63 * 50 * 12)) throw new Error(`the collect brought ${runs[0]!.edits} entries, not ${63 * 50 * 12}`);
      return [
        { name: "collect_63_ms", value: round(median(runs.map((r) => r.total_ms))), unit: "ms", what: "tổng hợp 63 phiếu × 50 chỉ tiêu × 12 tháng vào workbook tổng hợp (đọc, ghép, ghi); mục tiêu < 10.000 / collect 63 forms into the master; bar < 10,000" },
        { name: "collect_63_peak_mb", value: round(median(runs.map((r) => r.peak_mb)), 1), unit: "MB", what: "bộ nhớ đỉnh của lần tổng hợp đó; mục tiêu < 500 / peak memory of that collect; bar < 500" },
      ];
    },
  },
  {
    run: () => {
      // Issue #22: one pasted cell of 1 MB — words repeated, a number, no "/" (the clause reader was quadratic on
      // it) — read as a pasted list, as a table's name cell and as its target cell.
      const cell = "1 " + "tăng trưởng kinh tế bình quân ".repeat(Math.ceil(1_000_000 / 30)).slice(0, 1_000_000);
      const header = "STT\tChỉ tiêu\tĐơn vị tính\tKế hoạch năm 2025\tCơ quan chủ trì";
      const ms = timeMs(() => {
        parsePastedTable(cell, { id: "BENCH" });
        parsePastedTable(`${header}\n1\t${cell}\t%\t≥ 90\tSở Y tế`, { id: "BENCH" });
        parsePastedTable(`${header}\n1\tTỷ lệ\t%\t${cell}\tSở Y tế`, { id: "BENCH" });
      }, 3, 1) / 3;
      return [{ name: "parse_long_cell_ms", value: round(ms), unit: "ms", what: "một ô dán dài 1 MB (chữ lặp lại, không có “/”) qua bộ đọc bảng/danh sách; mục tiêu < 1.000 / one 1 MB pasted cell through the table/list reader; bar < 1,000" }];
    },
  },
  {
    run: () => {
      // Issue #22: eight honest forms and four hostile ones built from real split forms (a far row, a
      // decompression bomb, a comment cell, 300 000 unknown elements), collected by the CLI's collect in a process
      // of its own, three times: the honest entries arrive, the far row and the bomb are refused.
      const script = join(__dirname, "../bench/hostileCollect.ts");
      const dir = mkdtempSync(join(tmpdir(), "im-bench-hostile-"));
      execFileSync(process.execPath, ["--import", "tsx", script, "prepare", dir]);
      const runs = [0, 1, 2].map(() => JSON.parse(execFileSync(process.execPath, ["--import", "tsx", script, "collect", dir], { encoding: "utf8" }).trim().split("\n").pop()!) as { total_ms: number; peak_mb: number; edits: number; refused: number; code: number });
      rmSync(dir, { recursive: true });
      if (runs.some((r) => r.code !== 0 || r.refused !== 2 || r.edits !== 10 * 50 * 12)) throw new Error(`the hostile collect brought ${runs[0]!.edits} entries and refused ${runs[0]!.refused} forms, not ${10 * 50 * 12} and 2`);
      return [
        { name: "collect_hostile_ms", value: round(median(runs.map((r) => r.total_ms))), unit: "ms", what: "tổng hợp 8 phiếu thật và 4 phiếu độc hại (dòng xa, bom nén, ô trong chú thích, 300.000 phần tử lạ); mục tiêu < 10.000 / collect 8 honest and 4 hostile forms; bar < 10,000" },
        { name: "collect_hostile_peak_mb", value: round(median(runs.map((r) => r.peak_mb)), 1), unit: "MB", what: "bộ nhớ đỉnh của lần tổng hợp đó / peak memory of that collect" },
      ];
    },
  },
  {
    run: () => {
      // Refresh of the large workbook with an entry and a note in every cell staff type in, from a revised
      // catalog: prepared by one process, refreshed (read, merge, write) by another, three times.
      const script = join(__dirname, "../bench/largeRefresh.ts");
      const file = join(mkdtempSync(join(tmpdir(), "im-bench-")), "large.xlsx");
      execFileSync(process.execPath, ["--import", "tsx", script, "prepare", file]);
      const runs = [0, 1, 2].map(() => JSON.parse(execFileSync(process.execPath, ["--import", "tsx", script, "refresh", file], { encoding: "utf8" })) as { total_ms: number; peak_mb: number });
      rmSync(file);
      return [
        { name: "refresh_large_ms", value: round(median(runs.map((r) => r.total_ms))), unit: "ms", what: "cập nhật workbook lớn đã có số liệu (đọc, đối chiếu, ghi) / refresh the large workbook with entries (read, merge, write)" },
        { name: "refresh_large_peak_mb", value: round(median(runs.map((r) => r.peak_mb)), 1), unit: "MB", what: "bộ nhớ đỉnh của lần cập nhật đó / peak memory of that refresh" },
      ];
    },
  },
  {
    run: async () => {
      // Inside Excel, on the strict model (test/excel: requests and responses measured as Office.js sends them):
      // syncs of a full load for 10, 100 and 1,000 indicators, and the largest request and response of a load,
      // a read of the entries and a dry-run refresh, for the seed plan and the large plan (each under 5,000 KB).
      const figures: Figure[] = [];
      for (const n of [10, 100, 1000]) {
        const m = createExcelModel();
        await applySheetPlan(m.context, buildWorkbookPlan(generateCatalog(1, n, [2025]), { asOf: "31/12/2025" }), { features: features(m.supports) });
        figures.push({ name: `office_syncs_${n}`, value: m.stats.syncs, unit: "", what: `số lần context.sync() khi nạp ${n} chỉ tiêu / syncs to load ${n} indicators` });
      }
      const measure = async (catalog: ReturnType<typeof generateCatalog>, asOf: string) => {
        const m = createExcelModel();
        const f = { features: features(m.supports) };
        await applySheetPlan(m.context, buildWorkbookPlan(catalog, { asOf }), f);
        await readEntriesFromExcel(m.context, f);
        await refreshInExcel(m.context, catalog, { asOf, tolerance: 0.05, now: "01/01/2026 00:00", dryRun: true, ...f });
        return { request: Math.max(...m.stats.requests) / 1000, response: Math.max(...m.stats.responses) / 1000 };
      };
      const seeds = await measure(catalogOfSeeds((file) => readSeed(file)).catalog, "31/12/2025");
      const large = await measure(generateCatalog(63, 50), "31/12/2025");
      figures.push(
        { name: "office_request_max_kb", value: round(Math.max(seeds.request, large.request), 1), unit: "KB", what: "yêu cầu lớn nhất gửi Excel (mẫu và kế hoạch lớn; giới hạn 5.000) / largest request to Excel, seeds and large plan (limit 5,000)" },
        { name: "office_response_max_kb", value: round(Math.max(seeds.response, large.response), 1), unit: "KB", what: "phản hồi lớn nhất từ Excel (mẫu và kế hoạch lớn; giới hạn 5.000) / largest response from Excel, seeds and large plan (limit 5,000)" },
        { name: "office_request_seeds_kb", value: round(seeds.request, 1), unit: "KB", what: "yêu cầu lớn nhất, kế hoạch mẫu / largest request, seed plans" },
        { name: "office_response_seeds_kb", value: round(seeds.response, 1), unit: "KB", what: "phản hồi lớn nhất, kế hoạch mẫu / largest response, seed plans" },
      );
      return figures;
    },
  },
  {
    run: () => {
      // The pane's initial JavaScript, gzipped, as the production build writes it (built here if missing).
      const dist = join(__dirname, "../../dist");
      if (!existsSync(join(dist, "taskpane.html"))) execFileSync("npx", ["webpack", "--mode", "production"], { cwd: join(__dirname, "../.."), stdio: "ignore" });
      const html = readFileSync(join(dist, "taskpane.html"), "utf8");
      const scripts = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+\.js)/g)].map((m) => m[1]!).filter((s) => !/^https?:/.test(s));
      if (scripts.length === 0) throw new Error("taskpane.html names no script of the pane: the build changed");
      const bytes = scripts.reduce((n, s) => n + gzipSync(readFileSync(join(dist, s)), { level: 9 }).length, 0);
      return [{ name: "taskpane_js_gzip_kb", value: round(bytes / 1024, 1), unit: "KB", what: "JavaScript ban đầu của ngăn tác vụ (gzip) / the pane's initial JavaScript, gzipped" }];
    },
  },
];

/**
 * A large batch of (target, direction, actual) pairs: every kind of target, actuals typed as numbers and as
 * text (vi-VN numbers, percentages, "Đạt", empty cells, bad text). Built once, outside the timing.
 */
function evaluationBatch(size: number): { targets: Target[]; directions: Direction[]; cells: unknown[]; baselines: (number | null)[] } {
  const t = (kind: Target["kind"], fields: Partial<Target>): Target => ({ ...emptyTarget("", kind), ...fields });
  const kinds: [Target, Direction][] = [
    [t("at_least", { min: 95.1 }), "higher"],
    [t("at_least", { min: 91, minInclusive: false }), "higher"],
    [t("at_most", { max: 3, maxInclusive: false }), "lower"],
    [t("at_most", { max: 2 }), "lower"],
    [t("exact", { min: 99.8, max: 99.8 }), "higher"],
    [t("exact", { min: 2, max: 2 }), "lower"],
    [t("exact", { min: 68, max: 68 }), "band"],
    [t("range", { min: 7, max: 7.5 }), "higher"],
    [t("range", { min: 105, max: 107 }), "band"],
    [t("rank", { min: 35, max: 40 }), "lower"],
    [t("maintain", { max: 3, maxInclusive: false }), "lower"],
    [t("stretch", { min: 9.77, stretch: 14.43 }), "higher"],
    [t("reduction", { min: 0.15, change: "points" }), "lower"],
    [t("growth", { min: 10, change: "percent" }), "higher"],
    [t("qualitative", { expected: "Đạt" }), "higher"],
    [t("exact", { min: 107.27, max: 107.27, index: true }), "higher"],
  ];
  const texts = ["95,1", "93,2%", "1.462,8", "2,9", " 76 ", "Đạt", "Không đạt", "", "x", "abc", "#DIV/0!", "61-62", "7,25", "110,60"];
  const targets: Target[] = [];
  const directions: Direction[] = [];
  const cells: unknown[] = [];
  const baselines: (number | null)[] = [];
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let i = 0; i < size; i++) {
    const [target, direction] = kinds[i % kinds.length]!;
    targets.push(target);
    directions.push(direction);
    cells.push(i % 2 === 0 ? Math.round(random() * 12000) / 100 : texts[i % texts.length]);
    baselines.push(target.kind === "reduction" || target.kind === "growth" ? 1 + random() * 100 : null);
  }
  return { targets, directions, cells, baselines };
}

export async function runBenchmarks(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const b of BENCHMARKS) figures.push(...(await b.run()));
  return figures;
}

async function main(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, { flags: ["--json"], values: [] });
  if (!parsed.ok) {
    process.stderr.write(`${parsed.error}\nnpm run bench [-- --json]\n`);
    return 2;
  }
  const figures = await runBenchmarks();
  if (parsed.args.flags.has("--json")) {
    process.stdout.write(JSON.stringify(Object.fromEntries(figures.map((f) => [f.name, f.value]))) + "\n");
  } else {
    const width = Math.max(...figures.map((f) => f.name.length));
    process.stdout.write(`${"figure".padEnd(width)}  ${"value".padStart(12)}  unit  what\n`);
    for (const f of figures) process.stdout.write(`${f.name.padEnd(width)}  ${String(f.value).padStart(12)}  ${f.unit.padEnd(4)}  ${f.what}\n`);
  }
  return 0;
}

if (require.main === module) void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
