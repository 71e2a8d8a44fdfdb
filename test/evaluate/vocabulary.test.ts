import { STATUS_ORDER, STATUS_VOCABULARY, statusLabel } from "../../src/evaluate/vocabulary";
import { Status } from "../../src/model";

describe("the status vocabulary", () => {
  test("covers every status, each with its own label, symbol and colour", () => {
    expect(Object.keys(STATUS_VOCABULARY).sort()).toEqual([...Status.options].sort());
    expect([...STATUS_ORDER].sort()).toEqual([...Status.options].sort());
    const styles = Object.values(STATUS_VOCABULARY);
    for (const key of ["vi", "en", "symbol", "fill"] as const) expect(new Set(styles.map((s) => s[key])).size).toBe(styles.length);
    for (const s of styles) {
      expect(s.fill).toMatch(/^[0-9A-F]{6}$/);
      expect(s.font).toMatch(/^[0-9A-F]{6}$/);
    }
  });

  test("speaks the words of year-end reports", () => {
    expect(statusLabel("exceeded")).toBe("▲ Vượt");
    expect(statusLabel("met")).toBe("✓ Đạt");
    expect(statusLabel("near")).toBe("◐ Gần đạt");
    expect(statusLabel("shortfall")).toBe("✗ Không đạt");
    expect(statusLabel("no_data")).toBe("– Chưa có số liệu");
    expect(statusLabel("invalid")).toBe("! Lỗi nhập liệu");
    expect(statusLabel("shortfall", "en")).toBe("✗ Not met");
  });
});
