import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/workbook";
import { readEntriesFile } from "../../src/hosts/xlsx/files";
import { runCli } from "../helpers/cli";
import { row } from "../helpers/seedCatalog";

/**
 * `npm run workbook -- --periods thang --actuals FILE.csv`: periods as staff write them go to the right period
 * cells of the file, as numbers; what the sheet will flag, what was read the vi-VN way and what the table lacks
 * are said, with the periods named as staff write them.
 */
const TV = "TV-QD77-2025";

describe("--actuals into a monthly workbook", () => {
  const investment = row(TV, "II", "4"); // tỷ đồng
  const firms = row(TV, "II", "5"); // doanh nghiệp
  const share = row(TV, "II", "14"); // %

  it("writes Tháng 1/2025, T2/2025, 3/2025 … as numbers into their months, and says what it did", async () => {
    const dir = mkdtempSync(join(tmpdir(), "im-actuals-periods-"));
    const file = join(dir, "so-lieu.csv");
    const out = join(dir, "out.xlsx");
    writeFileSync(
      file,
      [
        "Mã;Kỳ;Giá trị",
        `${firms.id};Tháng 1/2025;121`,
        `${firms.id};T2/2025;45`,
        `${investment.id};3/2025;2.650,5`,
        `${investment.id};T04/2025;2.700`,
        `${investment.id};tháng 05/2025;khoảng 2.800`,
        `${share.id};Năm 2025;96,2`,
        `${share.id};Tháng 6/2025;2,8`,
        `${share.id};Quý I/2025;95`,
      ].join("\n"),
    );
    const r = await runCli(main, ["--actuals", file, "--out", out, "--plans", TV, "--periods", "thang", "--as-of", "15/06/2025"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("8 dòng đọc được / lines read; 7 đã điền / written (1 trong số đó bị đánh dấu lỗi nhập liệu / of them flagged as invalid input); 1 không điền / not written");
    // Words in a period cell: the row's pace is flagged (the period named as staff write it).
    expect(r.out).toContain(`${file}:6 ${investment.id} Tháng 5/2025: “khoảng 2.800” — Lỗi nhập liệu`);
    // Read two ways and taken the vi-VN way: said, not silent.
    expect(r.out).toContain(`${file}:5 ${investment.id} Tháng 4/2025: Lưu ý: “2.700” được đọc là 2.700 (kiểu Việt Nam) / Note: “2.700” was read as 2,700 (Vietnamese style)`);
    expect(r.out).toContain(`${file}:9 “${share.id}” Quý I/2025: kỳ “Quý I/2025” không có trong bảng (các kỳ: Năm 2025, Tháng 1/2025 … Tháng 12/2025)`);

    const entries = await readEntriesFile(out);
    expect(entries.actuals[firms.id]).toMatchObject({ "2025-T01": 121, "2025-T02": 45 });
    expect(entries.actuals[investment.id]).toMatchObject({ "2025-T03": 2650.5, "2025-T04": 2700, "2025-T05": "khoảng 2.800" });
    expect(entries.actuals[share.id]).toMatchObject({ "2025": 96.2, "2025-T06": 2.8 });
  }, 60_000);
});
