/**
 * What a unit says about its numbers, in one place for the grammar, the engine and the workbook formulas
 * (which must agree): a rank ("Thứ hạng", typed with or without tone marks), a count of whole things
 * (households, people, communes …). Plain regular expressions: no allocation on the
 * evaluation hot path.
 */
const RANK = /th[uứ] h[aạ]ng|x[eế]p h[aạ]ng/i;
const COUNT = /^(hộ|người|xã|huyện|tỉnh|doanh nghiệp|lao động|cơ sở|trường|dự án|khu|cụm|hợp tác xã|học sinh|giường|bác sĩ)/i;

export function isRankUnit(unit: string | null | undefined): boolean {
  return !!unit && RANK.test(unit);
}

/** A count of whole things, not a rank. */
export function isCountUnit(unit: string | null | undefined): boolean {
  return !!unit && COUNT.test(unit.trim());
}

/** Counts and ranks: a reading with a fraction of a household or of a place cannot be meant. */
export function isWholeNumberUnit(unit: string | null | undefined): boolean {
  return isCountUnit(unit) || isRankUnit(unit);
}

