import { bilingual, message } from "../i18n/messages";

/** Flags of the form --name or --name value; anything else is a usage error with a clear message. */
export interface ParsedArgs {
  flags: Set<string>;
  values: Map<string, string>;
}

export type ArgsResult = { ok: true; args: ParsedArgs } | { ok: false; error: string };

export function parseArgs(argv: string[], spec: { flags: string[]; values: string[] }): ArgsResult {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (spec.flags.includes(a)) flags.add(a);
    else if (spec.values.includes(a)) {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith("--")) return { ok: false, error: bilingual(message("cli.missingValue", { option: a })) };
      values.set(a, v);
      i++;
    } else return { ok: false, error: bilingual(message("cli.unknownOption", { option: a })) };
  }
  return { ok: true, args: { flags, values } };
}

/** Parses a command's options; on a usage error or --help it writes what to write and says how to exit. */
export function parseCommand(argv: string[], spec: { flags: string[]; values: string[] }, usage: string): { args: ParsedArgs } | { exit: number } {
  const parsed = parseArgs(argv, { flags: [...spec.flags, "--help"], values: spec.values });
  if (!parsed.ok) {
    process.stderr.write(`${parsed.error}\n${usage}\n`);
    return { exit: 2 };
  }
  if (parsed.args.flags.has("--help")) {
    process.stdout.write(`${usage}\n`);
    return { exit: 0 };
  }
  return { args: parsed.args };
}
