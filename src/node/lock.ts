/**
 * @file One writer at a time: the lock a refresh, collect or restore takes beside the workbook it reads and
 * rewrites, so that two people collecting into one master at once both keep their forms' entries.
 *
 * The lock is proper-lockfile's: a folder `MASTER.xlsx.lock` made with mkdir (atomic on local and network file
 * systems alike, where O_EXCL files and flock are not), its time refreshed every few seconds while the run
 * works; a lock whose time stopped moving for `staleMs` is taken over (a run killed, a machine that lost power).
 * Inside the folder a small `owner` file names the process and machine, so a lock left by a process that is gone
 * from this machine is taken over at once rather than after `staleMs`. A second run waits for the lock, with a
 * bounded retry (`waitMs`, saying that it waits), then reads the master the first one wrote; past the wait it is
 * refused with a message naming the lock. Just before its rename over the master, a run checks that it still
 * holds the lock and that the file is still the one it locked (same size, time and inode): a program that does
 * not take the lock (Excel saving the file) is not overwritten.
 */
import * as fs from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { lock as properLock } from "proper-lockfile";
import { message } from "../i18n/messages";
import { asFileRefusal, fileRefusal } from "./fsErrors";
import { canonicalPath, setWriteGuard } from "./files";

export interface LockOptions {
  /** How long to wait for another run's lock before refusing. */
  waitMs?: number;
  /** A lock whose time has not moved for this long is taken over. */
  staleMs?: number;
  /** Where to say that the run waits or took over a lock left behind. */
  say?: (line: string) => void;
}

/** A collect of 63 forms takes about 10 s (bench collect_63_ms): three minutes covers a queue of several. */
export const LOCK_WAIT_MS = 180_000;
/** Far above the longest a run keeps its event loop busy (the lock's time is refreshed between awaits). */
export const LOCK_STALE_MS = 60_000;
const OWNER = "owner";

interface Owner {
  pid: number;
  host: string;
  token: string;
  since: string;
}

/** The lock folder beside a file: `MASTER.xlsx.lock`, by the file's real path (two names of one file, one lock). */
export function lockPathOf(file: string): string {
  return `${canonicalPath(file)}.lock`;
}

/**
 * Runs `run` holding the lock of every file in `files` (the master read, the file written), taken in one order
 * so two runs never wait on each other. Released when `run` ends, however it ends.
 */
export async function withWriteLock<T>(files: string[], run: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const paths = [...new Set(files.map(canonicalPath))].sort();
  const held: { release: () => Promise<void>; path: string }[] = [];
  try {
    for (const path of paths) held.push({ path, release: await acquire(path, options) });
    return await run();
  } finally {
    for (const h of held.reverse()) {
      setWriteGuard(h.path, null);
      await h.release().catch(() => undefined);
    }
  }
}

/** Size, time and inode: what tells that a file was replaced or rewritten by someone else. */
function fingerprint(path: string): string {
  try {
    const s = fs.statSync(path, { bigint: true });
    return `${s.size}:${s.mtimeNs}:${s.ino}:${s.dev}`;
  } catch {
    return "absent";
  }
}

async function acquire(path: string, options: LockOptions): Promise<() => Promise<void>> {
  const lockPath = `${path}.lock`;
  const waitMs = options.waitMs ?? LOCK_WAIT_MS;
  const staleMs = options.staleMs ?? LOCK_STALE_MS;
  const say = options.say ?? (() => undefined);
  const me: Owner = { pid: process.pid, host: hostname(), token: randomBytes(8).toString("hex"), since: new Date().toISOString() };
  let lost = false;
  const deadline = Date.now() + waitMs;
  let waited = false;
  for (let attempt = 0; ; attempt++) {
    try {
      const release = await properLock(path, {
        realpath: false,
        lockfilePath: lockPath,
        stale: staleMs,
        update: Math.min(5_000, staleMs / 4),
        retries: 0,
        fs: ownerFs(me),
        onCompromised: () => {
          lost = true;
        },
      });
      let seen = fingerprint(path);
      setWriteGuard(path, {
        beforeRename() {
          if (lost || readOwner(lockPath)?.token !== me.token) throw fileRefusal(message("lock.lost", { file: path, lock: lockPath }));
          if (fingerprint(path) !== seen) throw fileRefusal(message("lock.changed", { file: path }));
        },
        afterRename() {
          seen = fingerprint(path);
        },
      });
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ELOCKED") throw asFileRefusal(e, path, "write");
    }
    const owner = readOwner(lockPath);
    if (owner && owner.host === me.host && owner.pid !== process.pid && !alive(owner.pid) && markStale(lockPath, owner)) {
      say(bilingualLine(message("lock.recovered", { lock: lockPath, pid: owner.pid })));
      continue;
    }
    const left = deadline - Date.now();
    if (left <= 0) throw fileRefusal(message("lock.busy", { file: path, lock: lockPath, seconds: Math.round(waitMs / 1000) }));
    if (!waited) say(bilingualLine(message("lock.waiting", { file: path, lock: lockPath, seconds: Math.round(waitMs / 1000) })));
    waited = true;
    // 100 ms, then longer, up to 2 s between tries (with a little jitter, so two waiters do not try in step).
    await new Promise((done) => setTimeout(done, Math.min(left, Math.min(2_000, 100 * 1.5 ** attempt) + Math.random() * 100)));
  }
}

const bilingualLine = (m: { vi: string; en: string }) => `${m.vi} / ${m.en}`;

/**
 * proper-lockfile's file-system calls, with the owner written into the lock folder as soon as it is made and
 * removed before the folder is (proper-lockfile removes the folder with rmdir, which needs it empty).
 */
function ownerFs(me: Owner): typeof fs {
  const clear = (dir: string) => fs.rmSync(join(dir, OWNER), { force: true });
  return {
    ...fs,
    mkdir: ((dir: string, done: (err: NodeJS.ErrnoException | null) => void) =>
      fs.mkdir(dir, (err) => {
        if (!err) {
          try {
            fs.writeFileSync(join(dir, OWNER), JSON.stringify(me));
          } catch {
            /* a lock without its owner is still a lock; it is taken over when stale */
          }
        }
        done(err);
      })) as typeof fs.mkdir,
    rmdir: ((dir: string, done: (err: NodeJS.ErrnoException | null) => void) => {
      clear(dir);
      fs.rmdir(dir, done);
    }) as typeof fs.rmdir,
    rmdirSync: ((dir: string) => {
      clear(dir);
      fs.rmdirSync(dir);
    }) as typeof fs.rmdirSync,
  };
}

function readOwner(lockPath: string): Owner | null {
  try {
    const o = JSON.parse(fs.readFileSync(join(lockPath, OWNER), "utf8")) as Partial<Owner>;
    return typeof o.pid === "number" && typeof o.host === "string" && typeof o.token === "string" ? (o as Owner) : null;
  } catch {
    return null;
  }
}

/**
 * Makes a lock whose process is gone look stale (its time set to 1970), so proper-lockfile's next try takes it
 * over. The owner is read again first: a lock another run took meanwhile is left alone.
 */
function markStale(lockPath: string, owner: Owner): boolean {
  if (readOwner(lockPath)?.token !== owner.token) return false;
  try {
    fs.utimesSync(lockPath, new Date(0), new Date(0));
    return true;
  } catch {
    return false;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
