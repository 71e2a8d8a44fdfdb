import { accessSync, closeSync, constants, fsyncSync, openSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { basename, dirname, join, resolve } from "node:path";
import { getHeapStatistics } from "node:v8";
import { bilingual, message, type Message } from "../i18n/messages";
import { asFileRefusal, errnoCode, fileRefusal, fsFailure } from "./fsErrors";

/**
 * The file system edge of the CLI: files written whole or not at all, and inputs checked before any work.
 *
 * A write goes to a temporary file beside the target (same folder, so the same file system), is flushed to disk
 * (fsync), and is renamed over the target; the folder is flushed too, so the rename itself survives a power
 * cut. rename() replaces the target in one step (POSIX rename(2); on Windows Node uses MoveFileEx with
 * MOVEFILE_REPLACE_EXISTING): a process killed at any moment leaves the old file or the new one, whole — never a
 * truncated workbook. The temporary file of a killed write is removed by the next write to the same target.
 *
 * A failure is a FileRefusal naming the target (disk full, no permission, read-only disk: fsErrors.ts), never the
 * temporary file. A target set read-only is not replaced (rename() would replace it without a word, as the
 * folder is writable), and a target this process holds the lock of (lock.ts) is checked just before the rename.
 */
const TEMP = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;

export function writeFileAtomic(target: string, data: Uint8Array): void {
  const fd = openTemp(target);
  try {
    for (let at = 0; at < data.length; ) at += writeSync(fd.fd, data, at, data.length - at);
  } catch (e) {
    fd.abandon();
    throw asFileRefusal(e, target, "write");
  }
  fd.commit();
}

/**
 * The same, for content produced piece by piece (a large workbook, part after part): each chunk goes to the
 * temporary file as it comes, which is renamed over the target only once `write` has finished.
 */
export async function writeFileAtomicStream(target: string, write: (put: (chunk: Uint8Array) => void) => Promise<void>): Promise<void> {
  const fd = openTemp(target);
  try {
    await write((chunk) => {
      for (let at = 0; at < chunk.length; ) at += writeSync(fd.fd, chunk, at, chunk.length - at);
    });
  } catch (e) {
    fd.abandon();
    throw asFileRefusal(e, target, "write");
  }
  fd.commit();
}

/** A temporary file beside the target: `commit` flushes it and renames it over the target, `abandon` removes it. */
function openTemp(target: string): { fd: number; commit: () => void; abandon: () => void } {
  const readOnly = checkWritable(target);
  if (readOnly) throw fileRefusal(readOnly);
  const dir = dirname(target);
  removeLeftovers(dir, basename(target));
  const temp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  let fd: number;
  try {
    fd = openSync(temp, "wx");
  } catch (e) {
    throw asFileRefusal(e, target, "write");
  }
  const abandon = () => {
    closeSync(fd);
    rmSync(temp, { force: true });
  };
  const guard = guards.get(canonicalPath(target));
  const commit = () => {
    try {
      fsyncSync(fd);
    } catch (e) {
      abandon();
      throw asFileRefusal(e, target, "write");
    }
    closeSync(fd);
    try {
      guard?.beforeRename();
      renameSync(temp, target);
    } catch (e) {
      rmSync(temp, { force: true });
      throw asFileRefusal(e, target, "write");
    }
    guard?.afterRename();
    try {
      const d = openSync(dir, "r");
      try {
        fsyncSync(d);
      } finally {
        closeSync(d);
      }
    } catch {
      /* folders cannot be opened for fsync on Windows; the rename is already done */
    }
  };
  return { fd, commit, abandon };
}

/**
 * Why `target` must not be replaced, or null: it is a folder, or it is set read-only. The mode bits are read
 * as well as access(W_OK), since an administrator (root) may write any file whatever its mode — a file its
 * owner set read-only is still not replaced. A target that does not exist yet is fine.
 */
export function checkWritable(target: string): Message | null {
  let mode: number;
  try {
    const stat = statSync(target);
    if (stat.isDirectory()) return message("fs.folderWrite", { file: target });
    mode = stat.mode;
  } catch (e) {
    const code = errnoCode(e);
    if (code === "ENOENT" || code === "ENOTDIR") return null;
    return fsFailure(e, target, "write");
  }
  if ((mode & 0o222) === 0) return message("fs.readOnlyFile", { file: target });
  try {
    accessSync(target, constants.W_OK);
  } catch (e) {
    const code = errnoCode(e);
    return code === "EACCES" || code === "EPERM" ? message("fs.readOnlyFile", { file: target }) : fsFailure(e, target, "write");
  }
  return null;
}

/** Checks run around the rename over a target whose lock this process holds (lock.ts), by absolute path. */
export interface WriteGuard {
  /** Throws a FileRefusal when the target must not be replaced now (the lock was lost, the file changed). */
  beforeRename(): void;
  /** The target is now what this process wrote. */
  afterRename(): void;
}
const guards = new Map<string, WriteGuard>();

export function setWriteGuard(target: string, guard: WriteGuard | null): void {
  if (guard) guards.set(canonicalPath(target), guard);
  else guards.delete(canonicalPath(target));
}

/** A file's absolute path with links resolved (its folder's, when the file does not exist yet): one name per file. */
export function canonicalPath(file: string): string {
  const full = resolve(file);
  try {
    return realpathSync(full);
  } catch {
    try {
      return join(realpathSync(dirname(full)), basename(full));
    } catch {
      return full;
    }
  }
}

/** Temporary files of earlier writes to the same target whose process is gone. */
function removeLeftovers(dir: string, name: string): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) {
    const m = TEMP.exec(entry);
    if (!m || m[1] !== name || alive(Number(m[2]))) continue;
    rmSync(join(dir, entry), { force: true });
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Input caps from the memory this process may use. Measured (bench and issue 11): a refresh holds about 120–300
 * times an .xlsx file's bytes in memory (ExcelJS's model of every cell and style), a pasted or --from table about
 * 100 times its text. The caps keep the estimate under the V8 heap limit, with room for the rest, so a planning
 * officer gets a message before any work instead of a crash after minutes.
 */
export const XLSX_BYTES_PER_BYTE = 300;
export const TEXT_BYTES_PER_BYTE = 150;

export function inputCaps(heapLimit = getHeapStatistics().heap_size_limit): { xlsxBytes: number; textBytes: number } {
  return { xlsxBytes: Math.floor(heapLimit / XLSX_BYTES_PER_BYTE), textBytes: Math.floor(heapLimit / TEXT_BYTES_PER_BYTE) };
}

export type InputCheck = { ok: true; bytes: number } | { ok: false; error: string };

const mb = (n: number) => (n / 1_000_000).toLocaleString("vi-VN", { maximumFractionDigits: 1 });

/** A user's input file: it exists, is a file (not a folder), and is within the cap for its kind. */
export function checkInputFile(path: string, kind: "xlsx" | "text", caps = inputCaps()): InputCheck {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return { ok: false, error: bilingual(message("input.folder", { file: path })) };
    size = stat.size;
  } catch (e) {
    return { ok: false, error: bilingual(fsFailure(e, path, "read") ?? message("input.unreadable", { file: path, detail: (e as Error).message })) };
  }
  const cap = kind === "xlsx" ? caps.xlsxBytes : caps.textBytes;
  if (size > cap) return { ok: false, error: bilingual(message("input.tooLarge", { file: path, size: mb(size), cap: mb(cap) })) };
  return { ok: true, bytes: size };
}
