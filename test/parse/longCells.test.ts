/**
 * @file Long and adversarial pasted cells finish: the catalog's table and list readers, the target reader and
 * the clause splitter run in linear time on them (issue #22: a 85 KB cell of repeated words took 18 s), checked
 * with a generous bound, never a tight timed assertion.
 */
import fc from "fast-check";
import { parsePastedTable } from "../../src/parse/document";
import { parseTarget } from "../../src/parse/target";
import { splitStatement } from "../../src/parse/statement";
import { splitAgencies } from "../../src/parse/agencies";
import { parseDeadline } from "../../src/parse/deadline";
import { readTaskTables } from "../../src/parse/tasks";
import { foldText } from "../../src/model/ids";
import { cleanText } from "../../src/parse/clean";
import { inferDirection } from "../../src/parse/direction";
import { emptyTarget } from "../../src/model";

const HEADER = "STT\tChỉ tiêu\tĐơn vị tính\tKế hoạch năm 2025\tCơ quan chủ trì";
/** Pieces a hostile or unlucky paste repeats: words, numbers, separators, brackets, runs of one character. */
const PIECES = ["tăng trưởng ", "kinh tế ", "đạt ", "1 ", "2,5% ", "1.234,5 ", ", ", "; ", " và ", "trong đó ", "(", ")", "/", "-", ".", ":", "  ", "<", "≥ ", "phấn đấu ", "đạt chuẩn ", "số ", "năm ", "x"];

/** A cell of about `size` characters: a few pieces, each repeated in long runs. */
const cell = (size: number) =>
  fc.array(fc.tuple(fc.constantFrom(...PIECES), fc.integer({ min: 1, max: 4000 })), { minLength: 1, maxLength: 6 }).map((runs) => {
    let out = "";
    while (out.length < size) for (const [piece, n] of runs) out += piece.repeat(n);
    return out.slice(0, size);
  });

function seconds(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return (performance.now() - t0) / 1000;
}

describe("long pasted cells", () => {
  it("a 200 KB cell of repeated words with no '/' (the clause reader was quadratic on it) reads in well under 2 s per reader", () => {
    const long = "1 " + "tăng trưởng kinh tế bình quân ".repeat(7000).slice(0, 200_000);
    expect(seconds(() => splitStatement(long, { qualitative: true }))).toBeLessThan(2);
    expect(seconds(() => splitStatement(long, { prose: true }))).toBeLessThan(2);
    expect(seconds(() => parsePastedTable(`${HEADER}\n1\t${long}\t%\t≥ 90\tSở Y tế`, { id: "X" }))).toBeLessThan(2);
    expect(seconds(() => parsePastedTable(long, { id: "X" }))).toBeLessThan(2);
  });

  it("adversarial 200 KB cells finish through every reader (generous bound: 2 s each)", () => {
    fc.assert(
      fc.property(cell(200_000), (text) => {
        const worst = Math.max(
          seconds(() => parseTarget(text, { unit: "%" })),
          seconds(() => splitStatement(text, { qualitative: true })),
          seconds(() => splitStatement(text, { prose: true })),
          seconds(() => parsePastedTable(`${HEADER}\n1\tTỷ lệ\t%\t${text}\tSở Y tế`, { id: "X" })),
          seconds(() => parsePastedTable(text, { id: "X" })),
        );
        return worst < 2;
      }),
      { numRuns: 12, seed: 22 },
    );
  }, 300_000);

  it("what the rewritten scanners read is what the regexes read (names per counted unit, trailing marks)", () => {
    // "48,5 giường bệnh/1 vạn dân" after a label: the clause is named by what it counts.
    const [c] = splitStatement("Tỷ lệ bác sỹ, giường bệnh: 48,5 giường bệnh/1 vạn dân");
    expect(c!.name).toBe("Giường bệnh/1 vạn dân");
    expect(parseTarget("≥ 95%;.. ", { unit: "%" }).min).toBe(95);
    expect(parseTarget("Đạt.;", {}).expected).toBe("Đạt");
    expect(parseTarget("9x0", { unit: "%" }).kind).toBe("unparsed");
  });

  // Issue #22, item 3: the agency reader copied the rest of the cell for every word it did not know (a long
  // colon-separated cell took 4 s at 80 KB and grew with its square), and the task reader inherited it.
  const TASK_HEADER = "STT\tNội dung công việc\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành";
  const rep = (piece: string, size: number) => piece.repeat(Math.ceil(size / piece.length)).slice(0, size);
  const AGENCY_PIECES = ["đơn vị khác: ", "Sở Y tế: ", "Sở Y tế chủ trì, phối hợp với ", "Các sở: ", "Y tế, Tư pháp, ", "Cục Thuế tỉnh Chi cục Hải quan ", "NN&PTNT ", "x: ", "; ", ", ", " và ", "quý IV ", "trước ngày ", "31/01/", "2025 ", "tháng 6 ", "  "];

  it("long colon-separated agency cells read in well under 3 s (200 KB each)", () => {
    const distinct = Array.from({ length: 30_000 }, (_, i) => `đơn vị ${i}: `).join("").slice(0, 200_000);
    for (const text of [rep("đơn vị khác: ", 200_000), distinct, rep("Sở Y tế chủ trì, phối hợp với ", 200_000), "Các sở: " + rep("Y tế, Tư pháp, ", 200_000)]) {
      expect(seconds(() => splitAgencies(text))).toBeLessThan(3);
    }
    // What is read stays what was read: every distinct unknown name once, in order.
    const names = splitAgencies(distinct).map((m) => m.name);
    expect(names.slice(0, 3)).toEqual(["Đơn vị 0", "Đơn vị 1", "Đơn vị 2"]);
    expect(new Set(names).size).toBe(names.length);
    expect(splitAgencies("Sở Văn hoá, Thể thao").map((m) => m.name)).toEqual(["Sở Văn hóa, Thể thao và Du lịch"]);
  });

  it("a task table with 200 KB cells and a 200 KB task text for its deadline read in well under 3 s", () => {
    const long = (piece: string) => piece.repeat(Math.ceil(200_000 / piece.length)); // whole pieces: no name cut at the end
    const table = `${TASK_HEADER}\n1\t${long("nhiệm vụ ")}\t${long("Sở Y tế: ")}\t${long("đơn vị: ")}\t${long("quý IV ")}`;
    let read: ReturnType<typeof readTaskTables> = [];
    expect(seconds(() => (read = readTaskTables(table, { plan: "P", planYear: 2025 })))).toBeLessThan(3);
    expect(read[0]!.tasks[0]!.agencies).toEqual([{ name: "Sở Y tế", role: "lead" }, { name: "Đơn vị", role: "coordinating" }]);
    expect(read[0]!.tasks[0]!.deadline.due).toBe("2025-12-31");
    expect(seconds(() => parseDeadline("", { planYear: 2025, taskText: long("trong tháng trong năm trước ngày ") }))).toBeLessThan(3);
    expect(seconds(() => parseDeadline("", { planYear: 2025, taskText: "trước" + " \t".repeat(100_000) + "x" }))).toBeLessThan(3);
    expect(seconds(() => parseDeadline(long("1/2/3 "), { planYear: 2025 }))).toBeLessThan(3);
  });

  it("adversarial 100 KB agency, deadline and task cells finish (generous bound: 3 s each)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...AGENCY_PIECES), fc.integer({ min: 1, max: 3000 })), { minLength: 1, maxLength: 6 }),
        (runs) => {
          let text = "";
          while (text.length < 100_000) for (const [piece, n] of runs) text += piece.repeat(n);
          text = text.slice(0, 100_000);
          const worst = Math.max(
            seconds(() => splitAgencies(text, "coordinating")),
            seconds(() => parseDeadline(text, { planYear: 2025 })),
            seconds(() => parseDeadline("", { planYear: 2025, taskText: text })),
            seconds(() => readTaskTables(`${TASK_HEADER}\n1\t${text}\t${text}\t${text}\t${text}`, { plan: "P", planYear: 2025 })),
          );
          return worst < 3;
        },
      ),
      { numRuns: 10, seed: 22 },
    );
  }, 300_000);

  it("the 1 MB cell is folded, cleaned and judged for its direction in well under 2 s each", () => {
    const mb = "1 " + rep("Tăng trưởng  kinh tế <i>bình</i> quân **hộ nghèo** ", 1_000_000);
    let folded = "";
    expect(seconds(() => (folded = foldText(mb)))).toBeLessThan(2);
    expect(folded.startsWith("1 tang truong kinh te i binh i quan ho ngheo tang")).toBe(true);
    let cleaned = "";
    expect(seconds(() => (cleaned = cleanText(mb)))).toBeLessThan(2);
    expect(cleaned.startsWith("1 Tăng trưởng kinh tế bình quân hộ nghèo Tăng")).toBe(true);
    let direction = "";
    expect(seconds(() => (direction = inferDirection(mb, "%", emptyTarget("", "none")).direction))).toBeLessThan(2);
    expect(direction).toBe("lower");
  });
});
