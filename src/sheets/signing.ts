/**
 * @file Signing a form's stamp with the master's key: HMAC-SHA-256 (RFC 2104 over FIPS 180-4), hex-encoded.
 *
 * Synchronous and the same in Node and in the browser, on purpose: splitting and collecting are pure functions
 * (sheets/forms.ts, sheets/collect.ts) that three hosts, the benches and the tests call directly, and Web
 * Crypto's `crypto.subtle` is asynchronous only. The HMAC is @noble/hashes' (audited, no dependencies), checked
 * against `node:crypto`'s HMAC in the tests (test/sheets/signing.test.ts). Only the key is random: drawn by the caller with
 * `crypto.getRandomValues` (synchronous in both), so the split itself stays pure.
 */
import { hmac } from "@noble/hashes/hmac";
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex, hexToBytes, utf8ToBytes } from "@noble/hashes/utils";

/** A key's length in bytes: the hash's block-sized output, as RFC 2104 recommends (at least the output length). */
export const KEY_BYTES = 32;

const HEX = /^[0-9a-f]+$/;

export function isKey(key: string): boolean {
  return key.length === KEY_BYTES * 2 && HEX.test(key);
}

/** A fresh key, hex: 32 random bytes from the platform's cryptographic generator. */
export function newKey(random: (bytes: Uint8Array) => Uint8Array = (b) => globalThis.crypto.getRandomValues(b)): string {
  return bytesToHex(random(new Uint8Array(KEY_BYTES)));
}

/** HMAC-SHA-256 of a text (UTF-8) under a hex key, as 64 hex digits. */
export function sign(key: string, text: string): string {
  if (!isKey(key)) throw new Error("the signing key is not 32 bytes of hex");
  return bytesToHex(hmac(sha256, hexToBytes(key), utf8ToBytes(text)));
}

/** Whether a signature is the text's under the key, compared in constant time. */
export function verify(key: string, text: string, signature: string): boolean {
  if (!isKey(key) || typeof signature !== "string" || signature.length !== 64 || !HEX.test(signature.toLowerCase())) return false;
  const expected = sign(key, text);
  const given = signature.toLowerCase();
  let diff = 0;
  for (let k = 0; k < expected.length; k++) diff |= expected.charCodeAt(k) ^ given.charCodeAt(k);
  return diff === 0;
}
