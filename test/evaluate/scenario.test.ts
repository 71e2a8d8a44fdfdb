import { pairScenarios, SCENARIO_LABELS } from "../../src/evaluate/scenario";
import { judgeCell } from "../../src/evaluate/judge";
import { appendix } from "../helpers/seedCatalog";

describe("Trà Vinh GRDP growth scenarios: base (IIIa) and high (IIIb)", () => {
  const pairs = pairScenarios(appendix("TV-QD77-2025", "IIIa"), appendix("TV-QD77-2025", "IIIb"));
  const grdp = pairs.find((p) => p.name === "Tổng sản phẩm trong tỉnh (GRDP)")!;

  test("every sector of the base scenario has its high scenario", () => {
    expect(pairs).toHaveLength(13);
    expect(Object.keys(grdp.periods)).toEqual(["Quý I", "Quý II", "6 tháng", "Quý III", "9 tháng", "Quý IV", "Cả năm"]);
    expect(grdp.periods["Quý I"]).toMatchObject({ kind: "stretch", min: 107.27, stretch: 110.22, index: true });
  });

  test.each([
    ["105,9", "shortfall"],
    ["107,0", "near"],
    ["107,27", "met"],
    ["109", "met"],
    ["110,22", "exceeded"],
    ["7,5%", "met"],
  ])("Quý I index %s: %s", (actual, status) => {
    expect(judgeCell(grdp.periods["Quý I"]!, "higher", actual, {}).status).toBe(status);
  });

  test("mining has the same base and high index (96,19): reaching it is both", () => {
    const mining = pairs.find((p) => p.name === "Khai khoáng")!;
    expect(judgeCell(mining.periods["Cả năm"]!, "higher", 96.19, {}).status).toBe("exceeded");
  });

  test("the scenario statuses have their own words", () => {
    expect(SCENARIO_LABELS.met.vi).toBe("Đạt kịch bản cơ sở");
    expect(SCENARIO_LABELS.exceeded.en).toBe("High scenario reached");
  });
});
