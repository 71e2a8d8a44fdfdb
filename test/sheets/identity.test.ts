import { identitySheet, readIdentityRows, planVersion, catalogVersions, ROW_PRESENT, type Identity } from "../../src/sheets/identity";
import { seedCatalog } from "../helpers/seedCatalog";
import { editedCatalog } from "../helpers/refresh";
import type { CellValue } from "../../src/sheets/plan";

/**
 * A workbook's identity survives being written and read back: a master with no calendar (its cell left empty,
 * as files drop trailing empty cells), a form with its agency, period and the entries as split; a revised plan
 * has another version, an unchanged one the same.
 */
const rowsOf = (i: Identity, exported: Parameters<typeof identitySheet>[1] = []): CellValue[][] =>
  identitySheet(i, exported).rows.map((r) => {
    const values = r.map((c) => c.value ?? null);
    while (values.length > 0 && values[values.length - 1] === null) values.pop(); // as a file reader gives them
    return values;
  });

describe("the workbook identity", () => {
  it("reads a master without a calendar back as it was written", () => {
    const master: Identity = { kind: "master", master: "0f6c1d2e", versions: { "TV-QD77-2025": "abc123def456" }, calendar: null, reportDay: 20 };
    expect(readIdentityRows(rowsOf(master))).toEqual({ identity: master, exported: [] });
  });

  it("reads a form back with its agency, period, split time and entries", () => {
    const form: Identity = { kind: "form", master: "0f6c1d2e", versions: { "TV-QD77-2025": "abc123def456" }, calendar: "month", reportDay: 25, agency: "Sở Tài chính", period: "2025-T11", exported: "03/11/2025 08:00", masterFile: "tong-hop.xlsx" };
    const exported = [
      { sheet: "TV-QD77-2025 IV", id: "TV-QD77-2025.IV.2.a68798", key: ROW_PRESENT, value: 8 },
      { sheet: "TV-QD77-2025 IV", id: "TV-QD77-2025.IV.2.a68798", key: "actual:2025-T10", value: 11 },
      { sheet: "TV-QD77-2025 IV", id: "TV-QD77-2025.IV.2.a68798", key: "note", value: "ước" },
    ];
    expect(readIdentityRows(rowsOf(form, exported))).toEqual({ identity: form, exported });
  });

  it("is not read from a sheet without its mark, or with a field that is not one", () => {
    expect(readIdentityRows([["Định danh"], ["kind", "master"]])).toBeNull();
    expect(readIdentityRows([["im:identity"], ["kind", "boss"], ["master", "x"], ["reportDay", 20]])).toBeNull();
  });

  it("gives a revised plan another version, the same plan the same one", () => {
    const { catalog } = seedCatalog();
    const tv = catalog.plans.find((p) => p.id === "TV-QD77-2025")!;
    expect(planVersion(structuredClone(tv))).toBe(planVersion(tv));
    const revised = editedCatalog().plans.find((p) => p.id === "TV-QD77-2025")!;
    expect(planVersion(revised)).not.toBe(planVersion(tv));
    // A plan with no table has nothing a form could hold: no version.
    expect(Object.keys(catalogVersions(catalog))).not.toContain("KG-CV1088-2024");
  });
});
