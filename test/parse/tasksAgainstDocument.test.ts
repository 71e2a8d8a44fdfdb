import { readFileSync } from "node:fs";
import { join } from "node:path";
import { seedCatalog } from "../helpers/seedCatalog";
import { cleanText } from "../../src/parse/clean";

/**
 * Every task of the two seed task appendices, field by field against the document's own line it starts on
 * (read here with nothing but a split at tabs): its number, the opening of its text and of its agency cells,
 * its deadline and Cấp trình as printed — so a task merged into another, split in two, shifted a column or
 * losing its opening words shows here, whichever task it is.
 */
const seed = (file: string) => readFileSync(join(__dirname, "../../seeds", file), "utf8").split("\n");
const plans = seedCatalog().catalog.plans;

describe.each([
  ["TV-QD77-2025", "004_23dbc6410858588b.txt", 78],
  ["KG-KH5N-2021-2025", "003_71655319e5e2fa5c.txt", 81],
] as const)("%s", (planId, file, count) => {
  const lines = seed(file);
  const appendix = plans.find((p) => p.id === planId)!.tasks![0]!;
  const cells = (line: number) => lines[line - 1]!.split("\t").map((c) => cleanText(c));

  test(`all ${count} tasks start on a line of the table whose cells open their fields`, () => {
    expect(appendix.tasks).toHaveLength(count);
    const wrong: string[] = [];
    for (const t of appendix.tasks) {
      const c = cells(t.line);
      const code = c[0]!.replace(/[.:]$/, "");
      const lead = c[2]!.replace(/[,;]\s*$/, "");
      if (code !== t.code) wrong.push(`${t.line}: code ${code} ≠ ${t.code}`);
      if (!t.name.startsWith(c[1]!)) wrong.push(`${t.line}: name “${t.name.slice(0, 30)}” ≠ “${c[1]!.slice(0, 30)}”`);
      if (!t.lead.startsWith(lead)) wrong.push(`${t.line}: lead “${t.lead}” ≠ “${lead}”`);
      const second = (c[3] ?? "").replace(/[,;]\s*$/, "");
      if (second !== "" && !(t.second?.text ?? "").startsWith(second)) wrong.push(`${t.line}: second “${t.second?.text}” ≠ “${second}”`);
      if (planId === "KG-KH5N-2021-2025") {
        if (t.deadline.text !== (c[4] ?? "")) wrong.push(`${t.line}: deadline “${t.deadline.text}” ≠ “${c[4]}”`);
        if (t.submitTo !== (c[5] ?? "")) wrong.push(`${t.line}: submitTo “${t.submitTo}” ≠ “${c[5]}”`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test("every task starts inside the table, on a line of its own", () => {
    const start = lines.findIndex((l) => /^STT\t(Nội dung công việc|Tên đề án)/.test(l));
    const starts = new Set(appendix.tasks.map((t) => t.line));
    let tasks = 0;
    for (let k = start + 1; k < lines.length && (lines[k]!.includes("\t") || lines[k]!.trim() === ""); k++) {
      if (starts.has(k + 1)) tasks++;
    }
    expect(tasks).toBe(count);
  });
});
