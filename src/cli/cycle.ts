import { mkdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import type { Catalog } from "../model";
import { readExisting, type Existing } from "../sheets/existing";
import { refreshWorkbook } from "../sheets/merge";
import { splitMaster } from "../sheets/forms";
import { collectForms, type Collected, type FormNote, type ReturnedForm } from "../sheets/collect";
import { isPackageRefused } from "../hosts/xlsx/unsafe";
import { catalogVersions } from "../sheets/identity";
import { readFormFile, snapshotOfWorkbookFile, writeFileRefresh, writeWorkbookFile } from "../hosts/xlsx/files";
import { checkInputFile, writeFileAtomic } from "../node/files";
import { fsFailure } from "../node/fsErrors";
import { formatNumber } from "../parse/number";
import { newKey } from "../sheets/signing";
import { bilingual, message } from "../i18n/messages";

/**
 * The reporting cycle from the command line: one form per agency split off a master, and the returned forms
 * collected back into it. A split records the forms it issued in the master's ledger (sheets/ledger.ts), so the
 * master is written too (its backup kept, under the caller's lock). Every message in Vietnamese and English;
 * nothing is written on a dry run.
 */
export interface CycleOptions {
  asOf: string;
  tolerance: number;
  now: string;
  protect: boolean;
}

const out = (line: string) => process.stdout.write(`${line}\n`);
/** A value as staff read it: numbers the vi-VN way. */
const shown = (v: unknown) => (typeof v === "number" ? formatNumber(v, 10) : String(v));
const err = (line: string) => process.stderr.write(`${line}\n`);

async function readMaster(file: string): Promise<Existing | null> {
  const check = checkInputFile(file, "xlsx");
  if (!check.ok) {
    err(check.error);
    return null;
  }
  try {
    return readExisting(await snapshotOfWorkbookFile(file));
  } catch (e) {
    const failure = fsFailure(e, file, "read");
    err(failure ? bilingual(failure) : `Không đọc được ${file} như một tệp .xlsx / cannot read it as an .xlsx file: ${(e as Error).message}`);
    return null;
  }
}

export async function splitFile(input: string, dir: string, catalog: Catalog, options: CycleOptions & { agencies?: string[] }): Promise<number> {
  const master = await readMaster(input);
  if (!master) return 1;
  const refresh = refreshWorkbook(catalog, master, { asOf: options.asOf, tolerance: options.tolerance, now: options.now, protect: options.protect });
  const split = splitMaster(catalog, master, refresh, { now: options.now, masterFile: basename(input), agencies: options.agencies, newKey: master.ledger ? undefined : newKey() });
  if (split.error) {
    err(`${split.error.vi} / ${split.error.en}`);
    return 1;
  }
  if (options.agencies) {
    const found = new Set(split.forms.map((f) => f.agency));
    const missing = options.agencies.filter((a) => !found.has(a));
    if (missing.length > 0) err(`Không có cơ quan / no such agency: ${missing.join("; ")}`);
  }
  if (existsAsFile(dir)) {
    err(`--out ${dir}: cần một thư mục, đây là một tệp / a folder is expected, this is a file`);
    return 2;
  }
  mkdirSync(dir, { recursive: true });
  // The ledger first: a form the master has no record of would be refused when it comes back.
  if (split.ledger && split.forms.length > 0) {
    const recorded = refreshWorkbook(catalog, master, { asOf: options.asOf, tolerance: options.tolerance, now: options.now, protect: options.protect, ledger: split.ledger, keepBackup: true });
    await writeFileRefresh(input, input, recorded);
    out(`  ${bilingual(message("ledger.recorded", { n: split.forms.length, file: basename(input) }))}`);
  }
  for (const form of split.forms) {
    const file = join(dir, form.file);
    await writeWorkbookFile(form.plan, file);
    out(`  ${form.agency}: ${form.indicators} chỉ tiêu / indicators, ${form.tasks} nhiệm vụ / tasks → ${file}`);
  }
  out(`Đã tách / split: ${split.forms.length} phiếu / forms → ${dir}`);
  return 0;
}

function existsAsFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** What a collect found, in lines: refused forms, what is not collected, conflicts, the entries (those replacing a value said so). */
export function describeCollected(c: Collected): string[] {
  const lines: string[] = [];
  const replaced = c.edits.filter((e) => e.before !== null && e.before !== "");
  lines.push(
    `Tổng hợp / collected: ${c.edits.length} số liệu / entries (${replaced.length} thay giá trị cũ / replace a value), ${c.receipts.length} phiếu mới / new forms, ` +
      `${new Set(c.refused.map((r) => r.form)).size} phiếu bị từ chối / refused, ${c.conflicts.length} ô mâu thuẫn / conflicting cells, ${c.anomalies.length} lưu ý / notes`,
  );
  for (const r of c.refused) lines.push(`  Từ chối / refused: ${r.form}: ${r.en ? `${r.vi} / ${r.en}` : r.vi}`);
  for (const k of c.conflicts) {
    lines.push(`  Mâu thuẫn / conflict: ${k.name} (${k.column}): ${k.values.map((v) => `${v.form} ${v.sheet}!${v.cell} = “${shown(v.value)}”`).join("; ")} — không đưa vào / neither is collected`);
  }
  for (const a of c.anomalies) lines.push(`  Lưu ý / note: ${a.form}${a.sheet ? ` ${a.sheet}${a.cell ? `!${a.cell}` : ""}` : ""}: ${a.vi} / ${a.en}`);
  for (const e of c.edits) {
    const was = e.before !== null && e.before !== "" ? ` (thay / replaces “${shown(e.before)}”)` : "";
    lines.push(`  ${e.masterSheet} ${e.code} ${e.name} [${e.column}] = “${shown(e.value)}”${was} ← ${e.form} ${e.sheet}!${e.cell}`);
  }
  return lines;
}

export async function collectFiles(input: string, output: string, files: string[], catalog: Catalog, options: CycleOptions & { dryRun: boolean }): Promise<number> {
  const master = await readMaster(input);
  if (!master) return 1;
  const identity = master.identity;
  if (identity && identity.kind === "master") {
    const current = catalogVersions(catalog, Object.keys(identity.versions));
    const stale = Object.keys(identity.versions).filter((p) => current[p] !== identity.versions[p]);
    if (stale.length > 0) {
      err(`Workbook chưa được cập nhật theo văn bản hiện hành (${stale.join(", ")}): hãy cập nhật trước khi tổng hợp / the workbook is not up to date with the current documents: refresh it first`);
      return 1;
    }
  }
  const forms: ReturnedForm[] = [];
  // A form that cannot be read, or is past the bounds of an untrusted file (hosts/xlsx/unsafe.ts), is named and
  // skipped; the others are collected, and the count of refused forms includes it.
  const unreadable: FormNote[] = [];
  const refuse = (f: string, vi: string, en: string) => unreadable.push({ form: basename(f), sheet: "", cell: "", vi, en });
  for (const f of files) {
    const check = checkInputFile(f, "xlsx");
    if (!check.ok) {
      refuse(f, check.error, "");
      continue;
    }
    try {
      forms.push(await readFormFile(f));
    } catch (e) {
      if (isPackageRefused(e)) refuse(f, `không đọc: ${e.detail.vi}`, `not read: ${e.detail.en}`);
      else refuse(f, `không đọc được như một tệp .xlsx: ${(e as Error).message}`, `cannot read it as an .xlsx file: ${(e as Error).message}`);
    }
  }
  const read = collectForms(master, forms, options.now);
  const collected: Collected = { ...read, refused: [...read.refused, ...unreadable] };
  for (const line of describeCollected(collected)) out(line);
  if (collected.edits.length === 0 && collected.receipts.length === 0) {
    out("Không có thay đổi / No changes");
    if (!options.dryRun && output !== input) writeFileAtomic(output, readFileSync(input));
    return 0;
  }
  if (options.dryRun) {
    out("Chạy thử: chưa ghi gì / dry run: nothing written");
    return 0;
  }
  const refresh = refreshWorkbook(catalog, master, { asOf: options.asOf, tolerance: options.tolerance, now: options.now, protect: options.protect, collected: { edits: collected.edits, receipts: collected.receipts } });
  for (const n of refresh.notices) out(`  Lưu ý / note: ${n.sheet}!${n.cell}: ${n.vi} / ${n.en}`);
  await writeFileRefresh(input, output, refresh);
  out(`Đã ghi / written: ${output} (sao lưu ${refresh.backedUp} ô số liệu trước khi tổng hợp / ${refresh.backedUp} entries backed up)`);
  return 0;
}
