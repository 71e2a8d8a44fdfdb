import { createExcelModel, PAYLOAD_LIMIT } from "./model";
import { typedInto } from "./typed";

/** Each rule of the strict model of Excel, broken on purpose and refused (model.ts names each rule's source). */
const ws = (m: ReturnType<typeof createExcelModel>) => m.context.workbook.worksheets.getItem("Sheet1");

describe("the strict model of Excel refuses what Excel refuses", () => {
  test("R1/R2: nothing runs before sync; a property read before load and sync throws PropertyNotLoaded", async () => {
    const m = createExcelModel();
    ws(m).getRange("A1").values = [["x"]];
    expect(m.cell("Sheet1", "A1")).toBeUndefined();
    const r = ws(m).getRange("A1");
    expect(() => r.values).toThrow(/PropertyNotLoaded/);
    r.load("values");
    expect(() => r.values).toThrow(/PropertyNotLoaded/);
    await m.context.sync();
    expect(r.values).toEqual([["x"]]);
  });

  test("R1: a failing operation stops the sync; those before it stay done, those after do not run", async () => {
    const m = createExcelModel();
    ws(m).getRange("A1").values = [["first"]];
    ws(m).getRange("A2:B2").values = [["one"]];
    ws(m).getRange("A3").values = [["after"]];
    await expect(m.context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(m.cell("Sheet1", "A1")!.value).toBe("first");
    expect(m.cell("Sheet1", "A3")).toBeUndefined();
  });

  test("R3: a member newer than the Excel's version fails at sync with ApiNotFound; one not in the API is undefined", async () => {
    const m = createExcelModel({ version: "1.1" });
    ws(m).getRange("A:A").format.columnWidth = 40; // ExcelApi 1.2
    await expect(m.context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    expect((ws(m) as unknown as Record<string, unknown>).makeItPretty).toBeUndefined();
    const newer = createExcelModel({ version: "1.2" });
    ws(newer).getRange("A:A").format.columnWidth = 40;
    await expect(newer.context.sync()).resolves.toBeUndefined();
  });

  test("R4: strings are read as typed with en-US rules unless the cell is Text", () => {
    expect(typedInto("4.960", "General").value).toBe(4.96);
    expect(typedInto("1,800", "General").value).toBe(1800);
    expect(typedInto("2%", "General")).toMatchObject({ value: 0.02, numberFormat: "0%" });
    expect(typedInto("7-9", "General")).toMatchObject({ numberFormat: "m/d/yyyy" });
    expect(typedInto("TRUE", "General").value).toBe(true);
    expect(typedInto("=1+1", "General").formula).toBe("=1+1");
    expect(typedInto("- Giảm nghèo", "General").formula).toBe("=- Giảm nghèo");
    expect(typedInto("≥ 95,1", "General").value).toBe("≥ 95,1");
    for (const t of ["4.960", "7-9", "2%", "TRUE", "=1+1", "18"]) expect(typedInto(t, "@")).toEqual({ value: t, formula: null });
  });

  test("R5/R6/R7: null leaves a cell, a wrong shape or an unbounded range is refused, a single value fills a range", async () => {
    const m = createExcelModel();
    ws(m).getRange("A1:B1").values = [["a", "b"]];
    ws(m).getRange("A1:B1").values = [[null, "c"]];
    ws(m).getRange("C1:C3").numberFormat = "@" as unknown as string[][];
    await m.context.sync();
    expect([m.cell("Sheet1", "A1")!.value, m.cell("Sheet1", "B1")!.value, m.cell("Sheet1", "C3")!.numberFormat]).toEqual(["a", "c", "@"]);
    ws(m).getRange("C1:C3").numberFormat = [["@"]];
    await expect(m.context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    ws(m).getRange("D:D").values = [["x"]];
    await expect(m.context.sync()).rejects.toThrow(/unbounded/);
  });

  test("R8: a request over 5 MB (UTF-8 bytes, calls counted) is refused before anything runs; so is a response", async () => {
    const m = createExcelModel();
    const big = "ư".repeat(1000);
    for (let r = 1; r <= 2400; r++) ws(m).getRange(`A${r}`).values = [[big]]; // 2,4 million letters (under 5 million characters) of 2 bytes each, plus the calls
    await expect(m.context.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(m.stats.requests[0]).toBeGreaterThan(PAYLOAD_LIMIT);
    expect(m.cell("Sheet1", "A1")).toBeUndefined();
    const n = createExcelModel();
    ws(n).getRange("A1:A3000").values = big.slice(0, 999) as unknown as string[][];
    await n.context.sync();
    const read = ws(n).getRange("A1:A3000");
    read.load("values");
    await expect(n.context.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  test("R9/R10: sheet names compare without regard to case, forbid : \\ / ? * [ ] and 31+ characters; the last visible sheet stays", async () => {
    const m = createExcelModel({ sheets: ["tổng hợp"] });
    m.context.workbook.worksheets.add("Tổng hợp");
    await expect(m.context.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    m.context.workbook.worksheets.add("Phụ lục: II");
    await expect(m.context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    m.context.workbook.worksheets.add("x".repeat(32));
    await expect(m.context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    m.context.workbook.worksheets.getItem("tổng hợp").delete();
    await expect(m.context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  test("R11: a locked cell of a protected sheet is refused, an unlocked one takes a value; protect() twice fails", async () => {
    const m = createExcelModel();
    ws(m).getRange("B2").format.protection.locked = false;
    ws(m).protection.protect({ allowAutoFilter: true });
    await m.context.sync();
    ws(m).getRange("B2").values = [[5]];
    await m.context.sync();
    expect(m.cell("Sheet1", "B2")!.value).toBe(5);
    ws(m).getRange("A1").values = [["x"]];
    await expect(m.context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    ws(m).protection.protect();
    await expect(m.context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  test("R12: formulas over 8,192 characters, text literals over 255 and rows over 409 points are refused", async () => {
    const m = createExcelModel();
    ws(m).getRange("A1").formulas = [[`=${"1+".repeat(4100)}1`]];
    await expect(m.context.sync()).rejects.toThrow(/8192/);
    ws(m).getRange("A1").formulas = [[`=COUNTIF(B:B,"${"x".repeat(256)}")`]];
    await expect(m.context.sync()).rejects.toThrow(/255/);
    ws(m).getRange("3:3").format.rowHeight = 410;
    await expect(m.context.sync()).rejects.toThrow(/409/);
  });

  test("R13/R14: tables cannot overlap, names are unique without regard to case, getItem of nothing fails", async () => {
    const m = createExcelModel();
    ws(m).tables.add("A1:C5", true);
    await m.context.sync();
    ws(m).tables.add("B3:D8", true);
    await expect(m.context.sync()).rejects.toThrow(/overlap/);
    m.context.workbook.names.add("IM_DAT", "=Sheet1!$A$1");
    await m.context.sync();
    m.context.workbook.names.add("im_dat", "=Sheet1!$A$2");
    await expect(m.context.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    m.context.workbook.worksheets.getItem("Nowhere").getRange("A1").values = [["x"]];
    await expect(m.context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});
