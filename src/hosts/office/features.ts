/**
 * Which ExcelApi version each thing the Office host does needs, in one place: the manifest asks for the
 * minimum (MINIMUM_EXCEL_API, what a load truly needs), and everything newer is used only where the Excel in
 * use has it; what is left out is reported ("degraded"), never a raw ApiNotFound.
 *
 * Versions are those of the members' "[Api set: ExcelApi x]" remarks (@types/office-js), the Excel versions
 * those of "Excel JavaScript API requirement sets" (learn.microsoft.com/javascript/api/requirement-sets/excel/
 * excel-api-requirement-sets): Office 2019 on Windows has ExcelApi 1.8 (1.7 for some volume-licensed builds),
 * Office 2021 1.14, Office 2024 1.17; Microsoft 365, Excel on the web, Mac and iPad have the newest; Excel 2016
 * (perpetual) has only 1.1.
 */
export type Supports = (set: string, version: string) => boolean;

/**
 * The load needs ExcelApi 1.4: column widths, row heights, merges and cell locking (1.2), and the workbook
 * names the status formulas use plus the used range of a sheet, read back for a refresh (1.4).
 */
export const MINIMUM_EXCEL_API = "1.4";

export const FEATURE_VERSIONS = {
  /** Status colours as conditional formats. */
  conditionalFormats: "1.6",
  /** Freeze panes, sheet tab colours, and protection the add-in can lift again (WorksheetProtection.unprotect is 1.7): below it sheets stay unlocked. */
  freezePanes: "1.7",
  /** Data validation (input prompts and warnings) and calculation suspension while writing. */
  validation: "1.8",
  /** Page layout (A4 landscape, fit to width, print titles, header/footer), change events, table filter state, indents, special cells. */
  pageLayout: "1.9",
} as const;

export type Feature = keyof typeof FEATURE_VERSIONS;

export interface Features {
  supports: Supports;
  has: (feature: Feature) => boolean;
  /** Below the minimum the add-in does not write. */
  enough: boolean;
  /** What the Excel in use lacks, said to staff. */
  degraded: { vi: string; en: string }[];
}

const DEGRADED: Record<Feature, { vi: string; en: string }> = {
  conditionalFormats: { vi: "Excel này chưa hỗ trợ tô màu theo điều kiện (ExcelApi 1.6): trạng thái vẫn hiện bằng chữ và ký hiệu", en: "This Excel lacks conditional formats (ExcelApi 1.6): statuses still show as text and symbols" },
  freezePanes: { vi: "Excel này chưa hỗ trợ cố định dòng tiêu đề và mở khoá trang tính (ExcelApi 1.7): các trang không được khoá", en: "This Excel cannot freeze panes or unprotect sheets (ExcelApi 1.7): sheets are left unlocked" },
  validation: { vi: "Excel này chưa hỗ trợ kiểm tra nhập liệu và tạm dừng tính toán (ExcelApi 1.8)", en: "This Excel lacks data validation and calculation suspension (ExcelApi 1.8)" },
  pageLayout: {
    vi: "Excel này chưa hỗ trợ thiết lập trang in và sự kiện thay đổi (ExcelApi 1.9): hãy đặt khổ A4 ngang, vừa một trang bề ngang khi in; danh sách kiểm tra cập nhật sau mỗi thao tác thay vì ngay khi gõ",
    en: "This Excel lacks page layout and change events (ExcelApi 1.9): set A4 landscape, fit to one page wide, when printing; the check list updates after each action rather than as you type",
  },
};

export const TOO_OLD = {
  vi: `Phiên bản Excel này quá cũ cho Theo dõi chỉ tiêu: cần Excel hỗ trợ ExcelApi ${MINIMUM_EXCEL_API} trở lên (Office 2019, 2021, 2024, Microsoft 365, Excel trên web hoặc Mac). Không có gì được ghi vào sổ tính.`,
  en: `This Excel is too old for Indicator Monitor: it needs ExcelApi ${MINIMUM_EXCEL_API} or later (Office 2019, 2021, 2024, Microsoft 365, Excel on the web or Mac). Nothing was written to the workbook.`,
};

export function features(supports: Supports): Features {
  const has = (f: Feature) => supports("ExcelApi", FEATURE_VERSIONS[f]);
  return {
    supports,
    has,
    enough: supports("ExcelApi", MINIMUM_EXCEL_API),
    degraded: (Object.keys(FEATURE_VERSIONS) as Feature[]).filter((f) => !has(f)).map((f) => DEGRADED[f]),
  };
}

/** Every feature on: for dry runs that measure a load. */
export const ALL_FEATURES: Features = features(() => true);
