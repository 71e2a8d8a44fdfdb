/** @file The form stamp's HMAC-SHA-256 (sheets/signing.ts) is the standard one: node:crypto's HMAC agrees on every input. */
import { createHmac } from "node:crypto";
import fc from "fast-check";
import { isKey, newKey, sign, verify } from "../../src/sheets/signing";

describe("signing a form's stamp", () => {
  it("matches node:crypto on a fixed key and text", () => {
    const key = "0b".repeat(32);
    expect(sign(key, "Hi There")).toBe(createHmac("sha256", Buffer.from(key, "hex")).update("Hi There").digest("hex"));
  });

  it("agrees with node:crypto on any key and text (UTF-8, Vietnamese included)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.string({ unit: "grapheme", maxLength: 200 }), (bytes, text) => {
        const key = Buffer.from(bytes).toString("hex");
        expect(sign(key, text)).toBe(createHmac("sha256", Buffer.from(bytes)).update(text, "utf8").digest("hex"));
      }),
      { numRuns: 200 },
    );
    expect(sign("ab".repeat(32), "Sở Tài chính")).toBe(createHmac("sha256", Buffer.from("ab".repeat(32), "hex")).update("Sở Tài chính").digest("hex"));
  });

  it("verifies only the right signature, and draws fresh 32-byte keys", () => {
    const key = newKey();
    expect(isKey(key)).toBe(true);
    expect(newKey()).not.toBe(key);
    const s = sign(key, "stamp");
    expect(verify(key, "stamp", s)).toBe(true);
    expect(verify(key, "stamp", s.toUpperCase())).toBe(true);
    expect(verify(key, "stamp ", s)).toBe(false);
    expect(verify(newKey(), "stamp", s)).toBe(false);
    expect(verify(key, "stamp", `${s.slice(0, 63)}${s.endsWith("0") ? "1" : "0"}`)).toBe(false);
    expect(verify(key, "stamp", "")).toBe(false);
    expect(() => sign("short", "x")).toThrow();
  });
});
