import type { Status } from "../model/status";

/** Reports' verdict words: a "Gần đạt" is a "Không đạt" to them. */
export const REPORT_VERDICT: Record<Status, { vi: string; en: string }> = {
  exceeded: { vi: "Vượt", en: "Exceeded" },
  met: { vi: "Đạt", en: "Met" },
  near: { vi: "Không đạt", en: "Not met" },
  shortfall: { vi: "Không đạt", en: "Not met" },
  no_data: { vi: "Chưa có số liệu", en: "No data" },
  invalid: { vi: "Lỗi nhập liệu", en: "Invalid input" },
  not_applicable: { vi: "Không đánh giá", en: "Not assessed" },
};
