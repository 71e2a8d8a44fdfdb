import { OfficeMockObject } from "office-addin-mock";
import { excelHost } from "../../src/hosts/office/host";
import { parsePastedTable } from "../../src/parse/document";

/**
 * The Excel host's small calls, against office-addin-mock (Microsoft's mock of the Office JavaScript API, which
 * fails when a property is read without load and sync, as Excel does): importing the selected range as text,
 * showing a cell, and listening for changes only where ExcelApi 1.9 is there.
 */
type Globals = { Excel?: unknown; Office?: unknown };
const globals = globalThis as unknown as Globals;

function mockExcel(context: Record<string, unknown>): OfficeMockObject {
  return new OfficeMockObject({
    context,
    run: async function (this: { context: unknown }, callback: (c: unknown) => Promise<unknown>) {
      return await callback(this.context);
    },
  });
}

afterEach(() => {
  delete globals.Excel;
  delete globals.Office;
});

describe("the Excel host against office-addin-mock", () => {
  it("reads the selected range as the tab-separated text the paste import reads", async () => {
    const shown = [
      ["TT", "Chỉ tiêu", "Đơn vị", "KH năm 2026"],
      ["1", "Tỷ lệ bao phủ bảo hiểm y tế", "%", "≥ 95,1"],
      ["2", "Tỷ lệ hộ nghèo đa chiều", "%", "giảm 0,5%"],
    ];
    globals.Excel = mockExcel({ workbook: { range: { text: shown }, getSelectedRange: function (this: { range: unknown }) { return this.range; } } });
    const text = await excelHost().readSelection();
    expect(text).toBe("TT\tChỉ tiêu\tĐơn vị\tKH năm 2026\n1\tTỷ lệ bao phủ bảo hiểm y tế\t%\t≥ 95,1\n2\tTỷ lệ hộ nghèo đa chiều\t%\tgiảm 0,5%");
    const read = parsePastedTable(text!);
    expect(read.ok && read.plan.appendices[0]!.indicators.map((i) => i.target.kind)).toEqual(["at_least", "reduction"]);
  });

  it("gives, as Excel does, no value for a property read without load and sync", async () => {
    globals.Excel = mockExcel({ workbook: { range: { text: [["x"]] }, getSelectedRange: function (this: { range: unknown }) { return this.range; } } });
    const mock = globals.Excel as OfficeMockObject;
    // The mock refuses an unloaded read: the host's read works only because it loads "text" and syncs first.
    const range = (mock as unknown as { context: { workbook: { getSelectedRange: () => { text: unknown } } } }).context.workbook.getSelectedRange();
    expect(range.text).toBe("Error, property was not loaded");
    await expect(excelHost().readSelection()).resolves.toBe("x");
  });

  it("shows a cell: activates its sheet and selects it, in one sync", async () => {
    const done: string[] = [];
    let syncs = 0;
    globals.Excel = new OfficeMockObject({
      context: {
        workbook: {
          worksheets: {
            getItem: (name: string) => ({
              activate: () => done.push(`activate ${name}`),
              getRange: (address: string) => ({ select: () => done.push(`select ${name}!${address}`) }),
            }),
          },
        },
        sync: async () => {
          syncs++;
        },
      },
      run: async function (this: { context: unknown }, callback: (c: unknown) => Promise<unknown>) {
        return await callback(this.context);
      },
    });
    await excelHost().select("TV-QD77-2025 IV", "J12");
    expect(done).toEqual(["activate TV-QD77-2025 IV", "select TV-QD77-2025 IV!J12"]);
    expect(syncs).toBe(1);
  });

  it("does not listen for changes where ExcelApi 1.9 is missing", async () => {
    let registered = false;
    globals.Office = new OfficeMockObject({ context: { requirements: { isSetSupported: (_: string, v: string) => Number(v) < 1.9 } } });
    globals.Excel = mockExcel({ workbook: { worksheets: { onChanged: { add: () => (registered = true) } } } });
    const stop = await excelHost().watch(() => undefined);
    expect(registered).toBe(false);
    expect(typeof stop).toBe("function");
  });
});
