import type { Lang } from "../i18n/messages";

/** Every text of the pane, Vietnamese first, in one place. */
export const UI = {
  title: { vi: "Theo dõi chỉ tiêu", en: "Indicator Monitor" },
  language: { vi: "English", en: "Tiếng Việt" },
  previewNote: {
    vi: "Chế độ xem thử (không có Excel): trang tính hiện dưới dạng bảng; có thể nhập số thực hiện và tải workbook.",
    en: "Preview mode (no Excel): the sheets show as tables; you can type actuals and download the workbook.",
  },
  tabLoad: { vi: "Nạp chỉ tiêu", en: "Load indicators" },
  tabCheck: { vi: "Kiểm tra", en: "Check" },
  tabPrint: { vi: "In báo cáo", en: "Print report" },
  pasteTitle: { vi: "Hoặc nhập một bảng phụ lục khác", en: "Or import another appendix table" },
  pasteHint: {
    vi: "Dán bảng (từ Word, Excel hay PDF) vào ô dưới, hoặc chọn bảng trong trang tính rồi bấm “Dùng vùng đang chọn”. Cần một dòng tiêu đề có cột chỉ tiêu và cột kế hoạch.",
    en: "Paste a table (from Word, Excel or a PDF) below, or select it in a sheet and press “Use the selection”. It needs a header row with an indicator column and a plan column.",
  },
  pasteLabel: { vi: "Bảng dán", en: "Pasted table" },
  pasteCode: { vi: "Mã văn bản (tên trang)", en: "Document code (sheet name)" },
  useSelection: { vi: "Dùng vùng đang chọn", en: "Use the selection" },
  readTable: { vi: "Đọc bảng", en: "Read the table" },
  readingTitle: { vi: "Cách đọc từng dòng — kiểm tra và sửa trước khi ghi", en: "How each row was read — check and correct before writing" },
  readAs: { vi: "Đọc là", en: "Read as" },
  direction: { vi: "Hướng", en: "Direction" },
  why: { vi: "Vì sao", en: "Why" },
  writeTable: { vi: "Ghi vào trang tính", en: "Write to a sheet" },
  skippedRows: { vi: "Dòng bỏ qua: {n}", en: "Rows skipped: {n}" },
  dirHigher: { vi: "↑ Cao là tốt", en: "↑ Higher is better" },
  dirLower: { vi: "↓ Thấp là tốt", en: "↓ Lower is better" },
  dirBand: { vi: "↔ Trong khoảng", en: "↔ Within a band" },
  tabRefresh: { vi: "Cập nhật chỉ tiêu", en: "Refresh targets" },
  refreshIntro: {
    vi: "So chỉ tiêu của văn bản với các trang đang có. Số thực hiện, ghi chú, cột và dòng bạn tự thêm luôn được giữ; chỉ tiêu không còn trong văn bản được giữ và đánh dấu; trước khi ghi, số liệu cũ được sao lưu vào một trang ẩn.",
    en: "Compares the documents' targets with the sheets you have. Actuals, notes and the columns and rows you added are always kept; indicators no longer in a document are kept and marked; before writing, the previous entries are saved to a hidden sheet.",
  },
  previewChanges: { vi: "Xem trước thay đổi", en: "Preview changes" },
  applyRefresh: { vi: "Cập nhật các trang", en: "Apply to the sheets" },
  restore: { vi: "Khôi phục số liệu trước lần cập nhật", en: "Restore entries from before the last refresh" },
  protect: { vi: "Khoá cột chỉ tiêu và công thức (không mật khẩu)", en: "Lock target and formula columns (no password)" },
  noChanges: { vi: "Không có thay đổi.", en: "No changes." },
  changesFound: { vi: "Sẽ thay đổi: {summary}. Chưa ghi gì.", en: "Would change: {summary}. Nothing written yet." },
  refreshing: { vi: "Đang đối chiếu…", en: "Comparing…" },
  refreshed: { vi: "Đã cập nhật {n} thay đổi; {b} ô số liệu đã được sao lưu trước khi ghi.", en: "Applied {n} changes; {b} entries were backed up before writing." },
  restored: { vi: "Đã khôi phục {n} ô.", en: "Restored {n} cells." },
  notices: { vi: "Lưu ý", en: "Notes" },
  choosePlans: { vi: "Chọn văn bản kế hoạch:", en: "Choose plan documents:" },
  indicators: { vi: "chỉ tiêu", en: "indicators" },
  appendix: { vi: "Phụ lục", en: "Appendix" },
  noTable: { vi: "không có bảng chỉ tiêu", en: "no indicator table" },
  load: { vi: "Nạp vào trang tính", en: "Load into sheets" },
  loading: { vi: "Đang tạo trang tính…", en: "Creating sheets…" },
  loaded: { vi: "Đã tạo {sheets} trang với {indicators} chỉ tiêu.", en: "Created {sheets} sheets with {indicators} indicators." },
  existing: {
    vi: "Các trang đã có được giữ nguyên, không ghi đè số đã nhập: {names}. Để đưa chỉ tiêu mới vào các trang này, dùng thẻ “Cập nhật chỉ tiêu”.",
    en: "Sheets already there were kept as they are, so no entry is overwritten: {names}. To bring new targets into them, use the “Refresh targets” tab.",
  },
  opened: { vi: "Đã đọc {sheets} trang theo dõi trong workbook này.", en: "Read {sheets} monitoring sheets in this workbook." },
  openedChanges: {
    vi: "Văn bản nguồn có {n} thay đổi chưa có trong các trang: xem thẻ “Cập nhật chỉ tiêu”.",
    en: "The source documents hold {n} changes the sheets do not have yet: see the “Refresh targets” tab.",
  },
  summaryStale: {
    vi: "Trang Tổng hợp chưa tính các trang vừa tạo: vào thẻ “Cập nhật chỉ tiêu”, xem trước rồi cập nhật để đưa chúng vào.",
    en: "The summary sheet does not count the new sheets yet: on the “Refresh targets” tab, preview and apply to bring them in.",
  },
  nothingLoaded: { vi: "Chưa nạp chỉ tiêu nào. Hãy chọn văn bản ở thẻ “Nạp chỉ tiêu”.", en: "Nothing loaded yet. Choose documents on the “Load indicators” tab." },
  problems: { vi: "Chỉ tiêu chưa đạt và lỗi nhập liệu", en: "Shortfalls and invalid entries" },
  noProblems: { vi: "Không có chỉ tiêu chưa đạt hay lỗi nhập liệu.", en: "No shortfalls or invalid entries." },
  noAgency: { vi: "(chưa ghi cơ quan)", en: "(no agency given)" },
  download: { vi: "Tải workbook (.xlsx)", en: "Download workbook (.xlsx)" },
  downloading: { vi: "Đang tạo tệp…", en: "Creating the file…" },
  printHow: {
    vi: "In: mở từng trang phụ lục, chọn Tệp › In; trang đã đặt khổ A4 ngang, vừa một trang bề ngang, lặp dòng tiêu đề. Trạng thái in kèm ký hiệu nên đọc được cả khi in đen trắng.",
    en: "Print: open each appendix sheet, choose File › Print; sheets are set to A4 landscape, one page wide, header row repeated. Statuses carry symbols, so a black-and-white print still reads.",
  },
  openSummary: { vi: "Mở trang Tổng hợp để in", en: "Open the summary sheet to print" },
  error: { vi: "Có lỗi", en: "Something went wrong" },
  details: { vi: "Chi tiết kỹ thuật", en: "Technical details" },
  actual: { vi: "Thực hiện", en: "Actual" },
  target: { vi: "Chỉ tiêu KH", en: "Target" },
  status: { vi: "Trạng thái", en: "Status" },
  indicator: { vi: "Chỉ tiêu", en: "Indicator" },
  unit: { vi: "ĐVT", en: "Unit" },
} as const satisfies Record<string, { vi: string; en: string }>;

export type UiKey = keyof typeof UI;

export function t(lang: Lang, key: UiKey, params: Record<string, string | number> = {}): string {
  return UI[key][lang].replace(/\{(\w+)\}/g, (w, k: string) => (k in params ? String(params[k]) : w));
}
