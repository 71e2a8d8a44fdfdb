/**
 * A recording stand-in for the part of the Excel JavaScript API the Office host uses: for dry runs that
 * measure a load before it happens, for the host's tests and for the benchmark. It keeps a cell store that
 * behaves as Excel does where it matters (a string starting with "=" written as a value becomes a formula
 * unless the cell is formatted as Text; null leaves a cell unchanged), counts context.sync() calls, and
 * measures the payload of each sync itself: every value assigned and every argument passed since the last one.
 */
import { columnLetter, columnNumber } from "../../sheets/plan";

interface StoredCell {
  value: unknown;
  formula: string | null;
  numberFormat: string;
}

export interface FakeExcel {
  context: Excel.RequestContext;
  syncs: number;
  payloads: number[];
  sheets: Map<string, FakeSheet>;
  /** Workbook names → reference. */
  names: Map<string, string>;
  calls: string[];
}

interface FakeSheet {
  name: string;
  visibility: string;
  cells: Map<string, StoredCell>;
  tables: { address: string; name: string; filtered?: boolean }[];
  conditional: { range: string; formula: string; fill?: string }[];
}


/** "B7", "B7:D9" → rows and columns (1-based, inclusive); whole rows/columns are not cell ranges. */
function parseRange(address: string): { r1: number; c1: number; r2: number; c2: number } | null {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(address);
  if (!m) return null;
  const r1 = Number(m[2]);
  const c1 = columnNumber(m[1]!);
  return { r1, c1, r2: m[4] ? Number(m[4]) : r1, c2: m[3] ? columnNumber(m[3]) : c1 };
}

export function createFakeExcel(existing: string[] = []): FakeExcel {
  const fake: FakeExcel = { context: undefined as unknown as Excel.RequestContext, syncs: 0, payloads: [], sheets: new Map(), names: new Map(), calls: [] };
  let bytes = 0;
  const record = (value: unknown) => {
    bytes += JSON.stringify(value ?? null)?.length ?? 4;
  };

  /** Any object whose assignments and calls are only recorded (format, page layout, data validation …). */
  const recorder = (path: string): unknown =>
    new Proxy(function () {}, {
      get: (_t, prop) => (typeof prop === "string" ? recorder(`${path}.${prop}`) : undefined),
      set: (_t, prop, value) => {
        record(value);
        fake.calls.push(`${path}.${String(prop)}`);
        return true;
      },
      apply: (_t, _this, args) => {
        record(args);
        fake.calls.push(`${path}()`);
        return recorder(`${path}()`);
      },
    });

  const cellOf = (sheet: FakeSheet, r: number, c: number): StoredCell => {
    const key = `${r},${c}`;
    let cell = sheet.cells.get(key);
    if (!cell) {
      cell = { value: null, formula: null, numberFormat: "General" };
      sheet.cells.set(key, cell);
    }
    return cell;
  };

  const rangeOf = (sheet: FakeSheet, address: string): unknown => {
    const area = parseRange(address);
    const each = (grid: unknown[][], write: (cell: StoredCell, v: unknown) => void) => {
      if (!area) throw new Error(`not a cell range: ${address}`);
      for (let r = area.r1; r <= area.r2; r++) {
        for (let c = area.c1; c <= area.c2; c++) {
          const row = grid[r - area.r1] ?? grid[0]!;
          const v = grid.length === 1 && row.length === 1 ? row[0] : row[c - area.c1];
          if (v === null || v === undefined) continue;
          write(cellOf(sheet, r, c), v);
        }
      }
    };
    const writeValue = (cell: StoredCell, v: unknown) => {
      if (typeof v === "string" && v.startsWith("=") && cell.numberFormat !== "@") {
        cell.formula = v;
        cell.value = null;
      } else {
        cell.value = v;
        cell.formula = null;
      }
    };
    const target = {
      set values(grid: unknown[][]) {
        record(grid);
        each(grid, writeValue);
      },
      set formulas(grid: unknown[][]) {
        record(grid);
        each(grid, writeValue);
      },
      set numberFormat(grid: unknown[][]) {
        record(grid);
        each(grid, (cell, v) => (cell.numberFormat = String(v)));
      },
      conditionalFormats: {
        add: (type: string) => {
          record(type);
          const cf = { range: address, formula: "", fill: undefined as string | undefined };
          sheet.conditional.push(cf);
          return {
            custom: {
              rule: {
                set formula(f: string) {
                  record(f);
                  cf.formula = f;
                },
              },
              format: {
                fill: {
                  set color(c: string) {
                    record(c);
                    cf.fill = c;
                  },
                },
                font: recorder(`${sheet.name}!${address}.cf.font`),
              },
            },
          };
        },
      },
    };
    return new Proxy(target, {
      get: (t, prop) => (prop in t ? (t as Record<string | symbol, unknown>)[prop] : recorder(`${sheet.name}!${address}.${String(prop)}`)),
      set: (t, prop, value) => {
        if (prop in t) (t as Record<string | symbol, unknown>)[prop] = value;
        else {
          record(value);
          fake.calls.push(`${sheet.name}!${address}.${String(prop)}`);
        }
        return true;
      },
    });
  };

  const sheetApi = (sheet: FakeSheet) =>
    new Proxy(
      {
        get name() {
          return sheet.name;
        },
        set name(n: string) {
          record(n);
          if (fake.sheets.has(n)) throw new Error(`A sheet named ${n} exists`);
          fake.sheets.delete(sheet.name);
          sheet.name = n;
          fake.sheets.set(n, sheet);
        },
        get visibility() {
          return sheet.visibility;
        },
        delete: () => {
          record("delete");
          // Excel refuses to delete the last visible sheet.
          if (sheet.visibility === "Visible" && ![...fake.sheets.values()].some((x) => x !== sheet && x.visibility === "Visible")) throw new Error("cannot delete the last visible sheet");
          fake.sheets.delete(sheet.name);
        },
        set visibility(v: string) {
          record(v);
          sheet.visibility = v;
        },
        getRange: (address: string) => {
          record(address);
          return rangeOf(sheet, address);
        },
        tables: {
          items: [] as { autoFilter: { isDataFiltered: boolean } }[],
          load(this: { items: { autoFilter: { isDataFiltered: boolean } }[] }) {
            pendingLoads.push(() => (this.items = sheet.tables.map((t) => ({ autoFilter: { isDataFiltered: t.filtered ?? false } }))));
          },
          add: (address: string, headers: boolean) => {
            record([address, headers]);
            const t = { address, name: "" };
            sheet.tables.push(t);
            return {
              set name(n: string) {
                record(n);
                // Table names are unique in a workbook.
                if ([...fake.sheets.values()].some((x) => x.tables.some((o) => o !== t && o.name === n))) throw new Error(`A table named ${n} exists`);
                t.name = n;
              },
            };
          },
        },
        getUsedRangeOrNullObject: () => {
          const result = { isNullObject: true, address: "", values: [] as unknown[][], formulas: [] as unknown[][], numberFormat: [] as unknown[][], load: () => undefined };
          pendingLoads.push(() => {
            const keys = [...sheet.cells.keys()].map((k) => k.split(",").map(Number) as [number, number]);
            if (keys.length === 0) return;
            const rows = Math.max(...keys.map((k) => k[0]));
            const cols = Math.max(...keys.map((k) => k[1]));
            result.isNullObject = false;
            result.address = `${sheet.name}!A1:${columnLetter(cols)}${rows}`;
            for (let r = 1; r <= rows; r++) {
              const v: unknown[] = [];
              const f: unknown[] = [];
              const n: unknown[] = [];
              for (let c = 1; c <= cols; c++) {
                const cell = sheet.cells.get(`${r},${c}`);
                v.push(cell?.formula ? 0 : cell?.value ?? "");
                f.push(cell?.formula ?? cell?.value ?? "");
                n.push(cell?.numberFormat ?? "General");
              }
              result.values.push(v);
              result.formulas.push(f);
              result.numberFormat.push(n);
            }
          });
          return result;
        },
      },
      {
        get: (t, prop) => (prop in t ? (t as Record<string | symbol, unknown>)[prop] : recorder(`${sheet.name}.${String(prop)}`)),
        set: (t, prop, value) => {
          if (prop in t) (t as Record<string | symbol, unknown>)[prop] = value;
          else record(value);
          return true;
        },
      },
    );

  const pendingLoads: (() => void)[] = [];
  const newSheet = (name: string): FakeSheet => {
    const s: FakeSheet = { name, visibility: "Visible", cells: new Map(), tables: [], conditional: [] };
    fake.sheets.set(name, s);
    return s;
  };
  for (const name of existing) newSheet(name);

  const worksheets = {
    items: [] as unknown[],
    load: () => {
      pendingLoads.push(() => {
        worksheets.items = [...fake.sheets.values()].map((s) => sheetApi(s));
      });
    },
    add: (name: string) => {
      record(name);
      if (fake.sheets.has(name)) throw new Error(`A sheet named ${name} exists`);
      return sheetApi(newSheet(name));
    },
    getItem: (name: string) => {
      record(name);
      const sheet = fake.sheets.get(name);
      if (!sheet) throw new Error(`no sheet named ${name}`);
      return sheetApi(sheet);
    },
  };
  const names = {
    items: [] as { name: string }[],
    load: () => pendingLoads.push(() => (names.items = [...fake.names.keys()].map((name) => ({ name })))),
    add: (name: string, ref: string) => {
      record([name, ref]);
      if (fake.names.has(name)) throw new Error(`A name ${name} exists`);
      fake.names.set(name, ref);
    },
    getItem: (name: string) => ({
      delete: () => {
        record(name);
        fake.names.delete(name);
      },
    }),
  };

  fake.context = {
    workbook: { worksheets, names },
    application: { suspendApiCalculationUntilNextSync: () => record("suspend") },
    sync: async () => {
      fake.syncs++;
      fake.payloads.push(bytes);
      bytes = 0;
      for (const load of pendingLoads.splice(0)) load();
    },
  } as unknown as Excel.RequestContext;
  return fake;
}
