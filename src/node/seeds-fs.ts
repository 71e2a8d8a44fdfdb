import { readFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";

/** The project's seeds/ folder, found from this file or from the working directory. */
export function seedsDir(): string {
  const candidates = [resolve(__dirname, "../../seeds"), resolve(process.cwd(), "seeds")];
  const found = candidates.find((d) => existsSync(join(d, "004_23dbc6410858588b.txt")));
  if (!found) throw new Error(`seeds/ not found (looked in ${candidates.join(", ")})`);
  return found;
}

export function readSeed(file: string): string {
  return readFileSync(join(seedsDir(), file), "utf8");
}
