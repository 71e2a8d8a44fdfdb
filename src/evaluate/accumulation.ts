import type { Indicator } from "../model/indicator";
import { foldText } from "../model/ids";

/**
 * Whether an indicator's values add up over the year. A flow (investment, budget revenue, exports, production,
 * new jobs, new enterprises) is the sum of its periods — the year is the "lũy kế"; a level or a rate (a
 * poverty rate, forest cover, income per head, communes that meet a standard, a rank) is what it is at the
 * latest period. Read from the unit and the name; staff may choose otherwise on the sheet ("Cộng dồn").
 */
export type Accumulation = "flow" | "level";

export const ACCUMULATION_LABELS: Record<Accumulation, { vi: string; en: string }> = {
  flow: { vi: "Lũy kế", en: "Cumulative" },
  level: { vi: "Mới nhất", en: "Latest" },
};

/** Words of a rate, an average or a stock: the year is the latest value, whatever the unit. */
const LEVEL_WORDS = [
  "ty le",
  "ty trong",
  "ty so",
  "ty suat",
  "binh quan",
  "toc do",
  "tang truong",
  "chi so",
  "dau nguoi",
  "tuoi tho",
  "do che phu",
  "mat do",
  "cong suat",
  "dat chuan",
  "dat tieu chi",
  "so xa",
  "so huyen",
  "thu hang",
  "xep hang",
  "lap day",
];

/** Words of something done or earned during the year: the year is the sum. */
const FLOW_WORDS = [
  "von dau tu",
  "thu ngan sach",
  "thu noi dia",
  "thu tu",
  "tong thu",
  "chi ngan sach",
  "kim ngach",
  "xuat khau",
  "nhap khau",
  "san luong",
  "san xuat",
  "doanh thu",
  "tong muc ban le",
  "luot khach",
  "khach du lich",
  "phat trien moi",
  "thanh lap moi",
  "tao viec lam",
  "giai quyet viec lam",
  "tuyen moi",
  "trong nam",
  "di lam viec o nuoc ngoai",
  "trong moi",
  "trong rung",
  "xay dung moi",
  "dao tao",
  "thu hut",
  "giai ngan",
];

/** Units of money or quantity that, without words of a rate, are amounts over the year. */
const FLOW_UNITS = /(^|\s)(dong|usd|tan|kwh|luot|m3|lit)(\s|$)/;

export function accumulationOf(indicator: Pick<Indicator, "name" | "unit">): { kind: Accumulation; reason: { vi: string; en: string } } {
  const name = foldText(indicator.name);
  const unit = foldText(indicator.unit);
  if (unit.includes("%") || indicator.unit.includes("/")) {
    return { kind: "level", reason: { vi: `đơn vị “${indicator.unit}” là một tỷ lệ: lấy số mới nhất`, en: `the unit “${indicator.unit}” is a rate: the latest value counts` } };
  }
  const level = LEVEL_WORDS.find((w) => name.includes(w));
  if (level) return { kind: "level", reason: { vi: `tên có “${level}”: lấy số mới nhất`, en: `the name says “${level}”: the latest value counts` } };
  const flow = FLOW_WORDS.find((w) => name.includes(w));
  if (flow) return { kind: "flow", reason: { vi: `tên có “${flow}”: cộng dồn các kỳ`, en: `the name says “${flow}”: the periods add up` } };
  if (FLOW_UNITS.test(unit)) return { kind: "flow", reason: { vi: `đơn vị “${indicator.unit}” là một lượng trong năm: cộng dồn các kỳ`, en: `the unit “${indicator.unit}” is an amount over the year: the periods add up` } };
  return { kind: "level", reason: { vi: "không thấy dấu hiệu cộng dồn: lấy số mới nhất", en: "nothing says the values add up: the latest value counts" } };
}
