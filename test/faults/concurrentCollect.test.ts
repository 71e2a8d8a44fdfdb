/**
 * @file Two collects into one master at once, in two processes (`--in M --collect … --out M`, as two people of
 * the planning department would run them): both forms' entries end in the file. The lock beside the master
 * (node/lock.ts) makes the second wait and read what the first wrote; a lock held by a run that is gone is taken
 * over; a lock held past the wait is refused with a message; a master saved by another program meanwhile is
 * not overwritten.
 */
import ExcelJS from "exceljs";
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { main } from "../../src/cli/workbook";
import { readEntriesFile } from "../../src/hosts/xlsx/files";
import { writeFileAtomic } from "../../src/node/files";
import { isFileRefusal } from "../../src/node/fsErrors";
import { lockPathOf, withWriteLock } from "../../src/node/lock";
import { runCli } from "../helpers/cli";
import { keyColumns } from "../helpers/refresh";
import { seedIndicators } from "../helpers/seedCatalog";

const ROOT = resolve(__dirname, "../..");
const TSX = join(ROOT, "node_modules/.bin/tsx");
const AS_OF = "15/11/2025";
const T11 = "actual:2025-T11";
const dir = mkdtempSync(join(tmpdir(), "im-concurrent-"));
const packed = new Set(seedIndicators().filter((i) => i.target.kind === "composite").map((i) => i.id));

jest.setTimeout(240_000);

/** Runs the workbook CLI in its own process; `seen` is what it printed so far. */
function start(args: string[]): { seen: () => string; done: Promise<{ code: number | null; out: string; err: string }> } {
  const child = spawn(TSX, ["src/cli/workbook.ts", ...args], { cwd: ROOT });
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  return { seen: () => out, done: new Promise((done) => child.on("exit", (code) => done({ code, out, err }))) };
}
const cli = (args: string[]) => start(args).done;

/** The ids of a form's indicator rows (packed rows left out), in order. */
async function formIds(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ids: string[] = [];
  for (const ws of wb.worksheets) {
    const keys = keyColumns(ws);
    const idCol = keys.get("id");
    if (!idCol || !keys.has(T11)) continue;
    for (let r = 1; r <= ws.rowCount; r++) {
      const v = ws.getRow(r).getCell(idCol).value;
      if (typeof v === "string" && /^[A-Z]/.test(v) && !v.startsWith("§") && !packed.has(v)) ids.push(v);
    }
  }
  return ids;
}

/** Types November's value for one id in a form, as staff do in Excel. */
async function fill(file: string, id: string, value: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  let done = false;
  for (const ws of wb.worksheets) {
    const keys = keyColumns(ws);
    const idCol = keys.get("id");
    const col = keys.get(T11);
    if (!idCol || !col) continue;
    for (let r = 1; r <= ws.rowCount; r++) {
      if (ws.getRow(r).getCell(idCol).value === id) {
        ws.getRow(r).getCell(col).value = value;
        done = true;
      }
    }
  }
  expect(done).toBe(true);
  await wb.xlsx.writeFile(file);
}

const master = join(dir, "master.xlsx");
const pristine = join(dir, "pristine.xlsx");
let formA = "";
let formB = "";
let idA = "";
let idB = "";

beforeAll(async () => {
  expect((await runCli(main, ["--out", master, "--periods", "thang", "--as-of", AS_OF])).code).toBe(0);
  const split = await runCli(main, ["--in", master, "--split-by-agency", "--out", join(dir, "forms"), "--as-of", AS_OF]);
  expect(split.code).toBe(0);
  const files = readdirSync(join(dir, "forms"));
  formA = join(dir, "forms", files.find((f) => f.startsWith("So-Tai-chinh"))!);
  formB = join(dir, "forms", files.find((f) => f.startsWith("So-Y-te"))!);
  const [a, b] = [await formIds(formA), await formIds(formB)];
  idA = a.find((id) => !b.includes(id))!;
  idB = b.find((id) => !a.includes(id))!;
  expect(idA && idB).toBeTruthy();
  await fill(formA, idA, 41.5);
  await fill(formB, idB, 77.25);
  copyFileSync(master, pristine);
});

describe("two collects into one master at once", () => {
  test("started together in two processes, both forms' entries end in the master", async () => {
    const [a, b] = await Promise.all([
      cli(["--in", master, "--collect", formA, "--out", master, "--as-of", AS_OF]),
      cli(["--in", master, "--collect", formB, "--out", master, "--as-of", AS_OF]),
    ]);
    expect([a.code, b.code, a.err + b.err]).toEqual([0, 0, ""]);
    expect(a.out).toContain("Đã ghi / written");
    expect(b.out).toContain("Đã ghi / written");
    const entries = await readEntriesFile(master);
    expect(entries.actuals[idA]?.["2025-T11"]).toBe(41.5);
    expect(entries.actuals[idB]?.["2025-T11"]).toBe(77.25);
    expect(existsSync(lockPathOf(master))).toBe(false);
  });

  test("a collect that finds the lock held waits, says so, then reads the master the holder wrote", async () => {
    const file = join(dir, "held.xlsx");
    const withA = join(dir, "held-a.xlsx");
    copyFileSync(pristine, file);
    expect((await runCli(main, ["--in", pristine, "--collect", formA, "--out", withA, "--as-of", AS_OF])).code).toBe(0);
    let child: ReturnType<typeof start> | null = null;
    await withWriteLock([file], async () => {
      child = start(["--in", file, "--collect", formB, "--out", file, "--as-of", AS_OF]);
      // The holder writes form A's collect once the other run says it waits.
      const until = Date.now() + 120_000;
      while (!child.seen().includes("chờ tối đa") && Date.now() < until) await new Promise((done) => setTimeout(done, 100));
      writeFileAtomic(file, readFileSync(withA));
    });
    const r = await child!.done;
    expect(r.code).toBe(0);
    expect(r.out).toContain("đang được một lần chạy khác ghi");
    expect(r.out).toContain("is being written by another run");
    const entries = await readEntriesFile(file);
    expect(entries.actuals[idA]?.["2025-T11"]).toBe(41.5);
    expect(entries.actuals[idB]?.["2025-T11"]).toBe(77.25);
  });
});

describe("locks left behind and held too long", () => {
  test("a lock whose process is gone is taken over at once, and said", async () => {
    const file = join(dir, "left.xlsx");
    copyFileSync(pristine, file);
    const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
    const pid = Number(gone.stdout.toString());
    mkdirSync(lockPathOf(file));
    writeFileSync(join(lockPathOf(file), "owner"), JSON.stringify({ pid, host: hostname(), token: "0123456789abcdef", since: new Date().toISOString() }));
    const started = Date.now();
    const r = await runCli(main, ["--in", file, "--collect", formA, "--out", file, "--as-of", AS_OF]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Đã gỡ khóa ${lockPathOf(file)}`);
    expect(r.out).toContain(`(process ${pid})`);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect((await readEntriesFile(file)).actuals[idA]?.["2025-T11"]).toBe(41.5);
    expect(existsSync(lockPathOf(file))).toBe(false);
  });

  test("a lock whose time stopped moving (a machine that lost power: no owner to ask) is taken over once stale", async () => {
    const file = join(dir, "stale.xlsx");
    copyFileSync(pristine, file);
    mkdirSync(lockPathOf(file));
    const old = new Date(Date.now() - 10 * 60_000);
    utimesSync(lockPathOf(file), old, old);
    const r = await runCli(main, ["--in", file, "--collect", formB, "--out", file, "--as-of", AS_OF]);
    expect(r.code).toBe(0);
    expect((await readEntriesFile(file)).actuals[idB]?.["2025-T11"]).toBe(77.25);
  });

  test("a lock held by a live run past the wait: refused with the lock named, nothing written", async () => {
    const file = join(dir, "busy.xlsx");
    copyFileSync(pristine, file);
    const before = readFileSync(file);
    await withWriteLock([file], async () => {
      const e = await withWriteLock([file], async () => 1, { waitMs: 300 }).catch((x: unknown) => x);
      expect(isFileRefusal(e)).toBe(true);
      if (!isFileRefusal(e)) return;
      expect(e.detail.vi).toContain(`khóa ${lockPathOf(file)}`);
      expect(e.detail.en).toContain("another run is still writing it");
    });
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe("just before the rename", () => {
  test("a master saved by another program meanwhile (one that takes no lock, as Excel) is not overwritten", async () => {
    const file = join(dir, "excel-saved.xlsx");
    copyFileSync(pristine, file);
    const e = await withWriteLock([file], async () => {
      writeFileSync(file, "saved by Excel meanwhile");
      writeFileAtomic(file, Buffer.from("this run's workbook"));
    }).catch((x: unknown) => x);
    expect(isFileRefusal(e) && e.detail.code).toBe("lock.changed");
    expect(readFileSync(file, "utf8")).toBe("saved by Excel meanwhile");
    expect(readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  test("a run whose lock another run took over (it was thought stale) does not write", async () => {
    const file = join(dir, "taken.xlsx");
    copyFileSync(pristine, file);
    const e = await withWriteLock([file], async () => {
      writeFileSync(join(lockPathOf(file), "owner"), JSON.stringify({ pid: process.pid, host: hostname(), token: "another-run", since: "" }));
      writeFileAtomic(file, Buffer.from("this run's workbook"));
    }).catch((x: unknown) => x);
    expect(isFileRefusal(e) && e.detail.code).toBe("lock.lost");
    expect(readFileSync(file).equals(readFileSync(pristine))).toBe(true);
  });

  test("several writes by the holder itself go through (its own rename is not a change by another)", async () => {
    const file = join(dir, "twice.xlsx");
    copyFileSync(pristine, file);
    await withWriteLock([file], async () => {
      writeFileAtomic(file, Buffer.from("first"));
      writeFileAtomic(file, Buffer.from("second"));
    });
    expect(readFileSync(file, "utf8")).toBe("second");
  });
});
