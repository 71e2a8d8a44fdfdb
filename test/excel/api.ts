/**
 * The Excel JavaScript API's own description of itself: every class of the `Excel` namespace in
 * @types/office-js, each member with its kind, the class it leads to and the requirement set its doc comment
 * names ("[Api set: ExcelApi 1.7]"). The strict model of Excel (model.ts) takes from here which members exist
 * and from which version of ExcelApi; nothing here was written by us about Excel, it is read from Microsoft's
 * published type definitions (https://learn.microsoft.com/javascript/api/excel — the same text).
 *
 * Parsed with the TypeScript compiler once per process and cached as JSON under node_modules/.cache, keyed by
 * the @types/office-js version.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import ts from "typescript";

export interface ApiMember {
  kind: "property" | "method";
  /** The Excel class the member leads to (a navigation property's type, a method's return type), or null. */
  type: string | null;
  /** True for `readonly` properties. */
  readonly: boolean;
  /** "ExcelApi", "ExcelApiOnline", "ExcelApiDesktop" … or null where the comment names none (load, toJSON …). */
  set: string | null;
  /** "1.7" … */
  version: string | null;
}

export type ApiSchema = Record<string, Record<string, ApiMember>>;

const ROOT = resolve(__dirname, "../..");
const DTS = join(ROOT, "node_modules/@types/office-js/index.d.ts");

function typeName(node: ts.TypeNode | undefined): string | null {
  if (!node) return null;
  const text = node.getText().replace(/^Excel\./, "");
  // OfficeExtension.ClientResult<…>, string, void, Promise<…>: not an Excel object to navigate into.
  return /^[A-Z][A-Za-z]*$/.test(text) ? text : null;
}

function apiSet(node: ts.Node, source: ts.SourceFile): { set: string | null; version: string | null } {
  const text = source.text.slice(node.getFullStart(), node.getStart(source));
  const m = /\[Api set: ([A-Za-z]+) ([0-9.]+|BETA)/.exec(text);
  return m ? { set: m[1]!, version: m[2]! } : { set: null, version: null };
}

function parse(): ApiSchema {
  const source = ts.createSourceFile(DTS, readFileSync(DTS, "utf8"), ts.ScriptTarget.Latest, true);
  const schema: ApiSchema = {};
  const visitNamespace = (body: ts.ModuleBlock) => {
    for (const statement of body.statements) {
      if (!ts.isClassDeclaration(statement) || !statement.name) continue;
      const members: Record<string, ApiMember> = (schema[statement.name.text] ??= {});
      for (const m of statement.members) {
        if (!m.name || !ts.isIdentifier(m.name)) continue;
        const name = m.name.text;
        if (members[name]) continue; // overloads: the first carries the comment
        if (ts.isPropertyDeclaration(m)) {
          const readonly = !!m.modifiers?.some((x) => x.kind === ts.SyntaxKind.ReadonlyKeyword);
          members[name] = { kind: "property", type: typeName(m.type), readonly, ...apiSet(m, source) };
        } else if (ts.isMethodDeclaration(m)) {
          members[name] = { kind: "method", type: typeName(m.type), readonly: true, ...apiSet(m, source) };
        } else if (ts.isGetAccessor(m)) {
          members[name] = { kind: "property", type: typeName(m.type), readonly: true, ...apiSet(m, source) };
        }
      }
    }
  };
  source.forEachChild((node) => {
    if (ts.isModuleDeclaration(node) && node.name.getText() === "Excel" && node.body && ts.isModuleBlock(node.body)) visitNamespace(node.body);
  });
  return schema;
}

let cached: ApiSchema | null = null;

export function excelApi(): ApiSchema {
  if (cached) return cached;
  const version = (JSON.parse(readFileSync(join(ROOT, "node_modules/@types/office-js/package.json"), "utf8")) as { version: string }).version;
  const file = join(ROOT, "node_modules/.cache/indicator-monitor", `excel-api-${version}.json`);
  if (existsSync(file)) {
    cached = JSON.parse(readFileSync(file, "utf8")) as ApiSchema;
    return cached;
  }
  cached = parse();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(cached));
  return cached;
}

/** "1.10" > "1.9": requirement-set versions compare as numbers part by part. */
export function versionAtMost(version: string, max: string): boolean {
  const a = version.split(".").map(Number);
  const b = max.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y;
  }
  return true;
}
