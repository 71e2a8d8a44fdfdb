/**
 * @file What the CLI checks before a run that rewrites a workbook (a refresh, a collect, a restore, a split —
 * which records the forms it issued in the master): a macro-enabled master is not written back as .xlsx (its
 * macros would be lost), a read-only output is refused before any work, and the run holds the lock beside the
 * master and the output (node/lock.ts) from its first read to its rename, so two runs into one master follow
 * each other and neither loses the other's entries.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { bilingual, message } from "../i18n/messages";
import { checkWritable } from "../node/files";
import { withWriteLock, type LockOptions } from "../node/lock";
import { macroEvidenceOfFile } from "../hosts/xlsx/files";

const say = (line: string) => process.stdout.write(`${line}\n`);
const refuse = (line: string) => {
  process.stderr.write(`${line}\n`);
  return 1;
};

/**
 * Runs `run`, which reads `input` and writes `output`: on a dry run as it is (nothing is written, a macro-enabled
 * master is only noted); otherwise refused with a message when the master is macro-enabled or the output is
 * read-only, and else under the lock of both files.
 */
export async function rewriteMaster(input: string, output: string, dryRun: boolean, run: () => Promise<number>, lock: LockOptions = {}): Promise<number> {
  const macros = macroEvidenceOfFile(input);
  if (macros && dryRun) say(bilingual(message("master.macroNotice", { file: input, evidence: macros })));
  if (dryRun) return run();
  if (macros) return refuse(bilingual(message("master.macro", { file: input, evidence: macros })));
  const blocked = checkWritable(output);
  if (blocked) return refuse(bilingual(blocked));
  mkdirSync(dirname(output), { recursive: true });
  return withWriteLock([input, output], run, { say, ...lock });
}
