/** Columns whose cells staff are expected to type in; every other add-in column is rebuilt on refresh. */
export function isEntryKey(key: string): boolean {
  return key.startsWith("actual:") || key === "note" || key === "baseline" || key.startsWith("user:");
}
