import { performance } from "node:perf_hooks";
import { buildCatalog } from "../parse/catalog";
import { SEED_DOCUMENTS } from "../parse/seeds";
import { parseNumber } from "../parse/number";
import { parseTarget } from "../parse/target";
import { readSeed } from "../node/seeds-fs";
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
  run: () => Figure[];
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
];

export function runBenchmarks(): Figure[] {
  return BENCHMARKS.flatMap((b) => b.run());
}

function main(argv: string[]): number {
  const parsed = parseArgs(argv, { flags: ["--json"], values: [] });
  if (!parsed.ok) {
    process.stderr.write(`${parsed.error}\nnpm run bench [-- --json]\n`);
    return 2;
  }
  const figures = runBenchmarks();
  if (parsed.args.flags.has("--json")) {
    process.stdout.write(JSON.stringify(Object.fromEntries(figures.map((f) => [f.name, f.value]))) + "\n");
  } else {
    const width = Math.max(...figures.map((f) => f.name.length));
    process.stdout.write(`${"figure".padEnd(width)}  ${"value".padStart(12)}  unit  what\n`);
    for (const f of figures) process.stdout.write(`${f.name.padEnd(width)}  ${String(f.value).padStart(12)}  ${f.unit.padEnd(4)}  ${f.what}\n`);
  }
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
