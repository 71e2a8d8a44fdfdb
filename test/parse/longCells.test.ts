/**
 * @file Long and adversarial pasted cells finish: the catalog's table and list readers, the target reader and
 * the clause splitter run in linear time on them (issue #22: a 85 KB cell of repeated words took 18 s), checked
 * with a generous bound, never a tight timed assertion.
 */
import fc from "fast-check";
import { parsePastedTable } from "../../src/parse/document";
import { parseTarget } from "../../src/parse/target";
import { splitStatement } from "../../src/parse/statement";

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
});
