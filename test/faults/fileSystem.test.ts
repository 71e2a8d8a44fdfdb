/**
 * @file File-system failures said in Vietnamese and English with the file named, never as a stack trace: a full
 * disk (ENOSPC), no permission (EACCES, EPERM — on Windows a file open in Excel), a read-only disk (EROFS), a
 * folder given for a file, a missing file; each leaves the old file whole and no temporary file behind. A master
 * set read-only is not replaced (root may write any file, so its mode bits are read, not only EACCES).
 */
import fs from "node:fs";
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/workbook";
import { checkWritable, writeFileAtomic } from "../../src/node/files";
import { cliFailure, isFileRefusal } from "../../src/node/fsErrors";
import { lockPathOf } from "../../src/node/lock";
import { runCli } from "../helpers/cli";

const AS_OF = "15/11/2025";
const dir = mkdtempSync(join(tmpdir(), "im-fs-"));
const pristine = join(dir, "pristine.xlsx");
let n = 0;

jest.setTimeout(120_000);

beforeAll(async () => {
  expect((await runCli(main, ["--out", pristine, "--plans", "TV-QD77-2025", "--periods", "thang", "--as-of", AS_OF])).code).toBe(0);
});

afterEach(() => jest.restoreAllMocks());

/** A copy of the master in a folder of its own (so leftovers are easy to see). */
function master(): string {
  const folder = join(dir, `case-${++n}`);
  mkdirSync(folder);
  const file = join(folder, "master.xlsx");
  copyFileSync(pristine, file);
  return file;
}

const errno = (code: string, syscall: string, path: string) => Object.assign(new Error(`${code}: simulated, ${syscall} '${path}'`), { code, syscall, path, errno: -1 });

/** Makes one fs call fail with `code` for paths that match. */
function failing<K extends "openSync" | "writeSync" | "renameSync" | "readFileSync">(name: K, code: string, matches: (args: unknown[]) => boolean): void {
  const real = fs[name] as (...args: unknown[]) => unknown;
  jest.spyOn(fs, name).mockImplementation(((...args: unknown[]) => {
    if (matches(args)) throw errno(code, name.replace("Sync", ""), String(args[0]));
    return real(...args);
  }) as never);
}

const isTemp = (args: unknown[]) => String(args[0]).endsWith(".tmp");
const leftovers = (file: string) => readdirSync(join(file, "..")).filter((f) => f.endsWith(".tmp") || f.endsWith(".lock"));

async function expectRefused(args: string[], file: string, vi: string, en: string): Promise<void> {
  const before = existsSync(file) ? readFileSync(file) : null;
  const r = await runCli(main, args);
  expect(r.code).toBe(1);
  expect(r.err).toContain(vi);
  expect(r.err).toContain(en);
  expect(r.err).not.toMatch(/\n\s+at /);
  expect(r.out).not.toContain("Đã ghi / written");
  if (before) expect(readFileSync(file).equals(before)).toBe(true);
  expect(leftovers(file)).toEqual([]);
}

describe("writes that fail are refused in both languages, the file named, the old file whole", () => {
  test("disk full (ENOSPC) while a new workbook is written over an old one", async () => {
    const file = master();
    failing("writeSync", "ENOSPC", () => true);
    await expectRefused(["--out", file, "--plans", "TV-QD77-2025", "--as-of", AS_OF], file, `Không ghi được ${file}: ổ đĩa đã đầy`, `Could not write ${file}: the disk is full`);
  });

  test("disk full during a refresh in place (--in M --out M)", async () => {
    const file = master();
    failing("writeSync", "ENOSPC", () => true);
    await expectRefused(["--in", file, "--out", file, "--restore"], file, "ổ đĩa đã đầy", "the disk is full");
  });

  test("no permission to write in the folder (EACCES)", async () => {
    const file = master();
    failing("openSync", "EACCES", isTemp);
    await expectRefused(["--in", file, "--out", file, "--restore"], file, `Không ghi được ${file}: không có quyền ghi`, `Could not write ${file}: no permission to write`);
  });

  test("the rename refused (EPERM: on Windows, the master is open in Excel)", async () => {
    const file = master();
    failing("renameSync", "EPERM", isTemp);
    await expectRefused(["--in", file, "--out", file, "--restore"], file, "hoặc tệp đang mở trong Excel", "or the file is open in Excel: close it");
  });

  test("a read-only disk (EROFS)", async () => {
    const file = master();
    failing("openSync", "EROFS", isTemp);
    await expectRefused(["--in", file, "--out", file, "--restore"], file, "ổ đĩa hoặc thư mục chỉ cho đọc", "the disk or folder is read-only");
  });

  test("writeFileAtomic names the target, never its temporary file", () => {
    const file = master();
    failing("writeSync", "ENOSPC", () => true);
    const e = (() => {
      try {
        writeFileAtomic(file, Buffer.from("new"));
      } catch (x) {
        return x;
      }
    })();
    expect(isFileRefusal(e)).toBe(true);
    expect((e as Error).message).toContain(`${file}: ổ đĩa đã đầy`);
    expect((e as Error).message).not.toContain(".tmp");
  });
});

describe("a master set read-only is not replaced", () => {
  test("a refresh, a restore and a collect into it are refused before any work; a dry run still reads it", async () => {
    const file = master();
    chmodSync(file, 0o444);
    try {
      const vi = `Không ghi đè ${file}: tệp đang đặt chế độ chỉ đọc`;
      const en = `Not replacing ${file}: the file is set read-only`;
      await expectRefused(["--in", file, "--out", file, "--restore"], file, vi, en);
      await expectRefused(["--in", file, "--out", file, "--plans", "TV-QD77-2025", "--as-of", "31/12/2025"], file, vi, en);
      await expectRefused(["--in", file, "--collect", pristine, "--out", file], file, vi, en);
      expect(statSync(file).mode & 0o777).toBe(0o444);
      const dry = await runCli(main, ["--in", file, "--out", file, "--restore", "--dry-run"]);
      expect(dry.code).toBe(0);
      // Written elsewhere, the read-only master is only read.
      const other = join(file, "..", "copy.xlsx");
      expect((await runCli(main, ["--in", file, "--out", other, "--restore"])).code).toBe(0);
      expect(existsSync(other)).toBe(true);
    } finally {
      chmodSync(file, 0o644);
    }
  });

  test("writeFileAtomic itself refuses a read-only target, whoever runs it (root included)", () => {
    const file = master();
    chmodSync(file, 0o400);
    const before = readFileSync(file);
    expect(checkWritable(file)?.code).toBe("fs.readOnlyFile");
    expect(() => writeFileAtomic(file, Buffer.from("new"))).toThrow("tệp đang đặt chế độ chỉ đọc");
    expect(readFileSync(file).equals(before)).toBe(true);
    chmodSync(file, 0o644);
    expect(checkWritable(file)).toBeNull();
  });
});

describe("reads that fail, and a folder given for a file", () => {
  test("no permission to read the master (EACCES): said, not a stack", async () => {
    const file = master();
    failing("readFileSync", "EACCES", (args) => String(args[0]) === file);
    const r = await runCli(main, ["--in", file, "--out", file, "--dry-run"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`Không đọc được ${file}: không có quyền đọc tệp này / Could not read ${file}: no permission to read this file`);
  });

  test("a folder given as --out of a refresh is refused, with the folder named", async () => {
    const file = master();
    const folder = join(file, "..", "a-folder.xlsx");
    mkdirSync(folder);
    const r = await runCli(main, ["--in", file, "--out", folder, "--restore"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`Không ghi được ${folder}: đây là một thư mục; hãy chỉ ra một tệp .xlsx / Could not write ${folder}: it is a folder; name an .xlsx file`);
    expect(existsSync(lockPathOf(file))).toBe(false);
  });

  test("a missing master is named", async () => {
    const missing = join(dir, "no-such.xlsx");
    const r = await runCli(main, ["--in", missing, "--out", missing, "--restore"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`Không tìm thấy tệp ${missing} / File not found: ${missing}`);
  });

  test("an error reaching the CLI's top is said by its path and system call; a bug is not dressed up", () => {
    expect(cliFailure(errno("ENOSPC", "write", "/x/out.xlsx"))?.vi).toBe("Không ghi được /x/out.xlsx: ổ đĩa đã đầy. Hãy giải phóng chỗ trống rồi chạy lại; tệp cũ (nếu có) giữ nguyên");
    expect(cliFailure(errno("EACCES", "open", "/x/in.xlsx"))?.en).toBe("Could not read /x/in.xlsx: no permission to read this file");
    expect(cliFailure(errno("EACCES", "mkdir", "/x/out"))?.en).toContain("Could not write /x/out: no permission");
    expect(cliFailure(new TypeError("undefined is not a function"))).toBeNull();
  });
});
