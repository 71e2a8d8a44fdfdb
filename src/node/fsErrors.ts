/** @file File-system failures said in Vietnamese and English with the file named, instead of Node's English stack traces. */
import { bilingual, message, type Message } from "../i18n/messages";

/** A refusal to read or write a file: the message to print (the CLI prints it without a stack and exits 1). */
export interface FileRefusal extends Error {
  name: "FileRefusal";
  detail: Message;
}

export function fileRefusal(detail: Message): FileRefusal {
  return Object.assign(new Error(bilingual(detail)), { name: "FileRefusal" as const, detail });
}

export function isFileRefusal(e: unknown): e is FileRefusal {
  return typeof e === "object" && e !== null && (e as Error).name === "FileRefusal" && "detail" in e;
}

/**
 * The errno code of a Node file-system error, or null for any other error. (Read from the object, not by
 * `instanceof Error`: errors made by Node's core are of another realm's Error under test runners.)
 */
export function errnoCode(e: unknown): string | null {
  const code = typeof e === "object" && e !== null ? (e as NodeJS.ErrnoException).code : undefined;
  return typeof code === "string" && /^E[A-Z]+$/.test(code) ? code : null;
}

/**
 * What a file-system error means for the user, naming `file` (the file they gave, not a temporary one beside it):
 * disk full (ENOSPC, and a full quota EDQUOT), no permission (EACCES, EPERM — on Windows also a file open in
 * Excel), a read-only disk (EROFS), a folder given for a file (EISDIR), a missing file or folder (ENOENT,
 * ENOTDIR), a file held by another program (EBUSY). Null when `e` is not a file-system error.
 */
export function fsFailure(e: unknown, file: string, action: "read" | "write"): Message | null {
  const code = errnoCode(e);
  if (code === null) return null;
  const write = action === "write";
  switch (code) {
    case "ENOSPC":
    case "EDQUOT":
      return message("fs.noSpace", { file });
    case "EACCES":
    case "EPERM":
      return message(write ? "fs.noPermissionWrite" : "fs.noPermissionRead", { file });
    case "EROFS":
      return write ? message("fs.readOnlyDisk", { file }) : message("fs.otherRead", { file, code });
    case "EISDIR":
      return message(write ? "fs.folderWrite" : "input.folder", { file });
    case "ENOENT":
    case "ENOTDIR":
      return message(write ? "fs.noFolder" : "input.missing", { file });
    case "EBUSY":
      return write ? message("fs.busy", { file }) : message("fs.otherRead", { file, code });
    default:
      return message(write ? "fs.otherWrite" : "fs.otherRead", { file, code });
  }
}

/** `e` as a FileRefusal naming `file` when it is a file-system error; `e` itself otherwise. */
export function asFileRefusal(e: unknown, file: string, action: "read" | "write"): unknown {
  if (isFileRefusal(e)) return e;
  const detail = fsFailure(e, file, action);
  return detail ? fileRefusal(detail) : e;
}

/**
 * The message for an error that reached the CLI's top: a refusal as it is; a file-system error named by the
 * path Node gives (the action read from the system call); null for anything else (a bug: the stack is printed).
 */
export function cliFailure(e: unknown): Message | null {
  if (isFileRefusal(e)) return e.detail;
  const err = e as NodeJS.ErrnoException;
  if (errnoCode(e) === null || typeof err.path !== "string") return null;
  const reads = new Set(["open", "read", "stat", "lstat", "scandir", "readlink", "access", "realpath"]);
  const action = reads.has(err.syscall ?? "") && !/\.tmp$/.test(err.path) ? "read" : "write";
  return fsFailure(e, err.path, action);
}
