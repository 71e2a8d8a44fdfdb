/**
 * Every message a user may see, in Vietnamese and English, in one place.
 * Templates take {name} parameters; `message()` fills them.
 */
export const MESSAGES = {
  "number.empty": { vi: "Ô trống, cần một số", en: "Empty cell, a number was expected" },
  "number.invalid": {
    vi: "“{text}” không phải là số (ví dụ hợp lệ: 95,1 hoặc 1.462,8)",
    en: "“{text}” is not a number (valid examples: 95,1 or 1.462,8)",
  },
  "number.ambiguous": {
    vi: "“{text}” có thể là {vi} (kiểu Việt Nam) hoặc {en} (kiểu Anh-Mỹ); đã đọc là {chosen}",
    en: "“{text}” may be {vi} (Vietnamese style) or {en} (US style); read as {chosen}",
  },
  "target.unparsed": {
    vi: "Không đọc được chỉ tiêu “{text}”: giữ nguyên văn bản, không đánh giá",
    en: "Could not read the target “{text}”: kept as text, not judged",
  },
  "target.typo": { vi: "Đã đọc “{typo}” là “{fixed}”", en: "Read “{typo}” as “{fixed}”" },
  "text.shortened": {
    vi: "Văn bản ({field}) dài {length} ký tự, quá {limit} ký tự một ô Excel giữ được: đã rút gọn",
    en: "The text ({field}) has {length} characters, more than the {limit} an Excel cell holds: shortened",
  },
  "target.term": { vi: "Mục tiêu đến năm {year} (cuối kỳ)", en: "A target for {year} (the end of the term)" },
  "target.invisible": { vi: "Đã bỏ {count} ký tự lạ (ẩn, không nhìn thấy) trong chỉ tiêu", en: "{count} stray invisible character(s) removed from the target" },
  "target.stray": {
    vi: "Ký tự lạ “{char}” trong “{token}”: không đọc được thành số; hãy sửa chỉ tiêu",
    en: "Stray character “{char}” in “{token}”: it cannot be read as a number; correct the target",
  },
  "target.markup": { vi: "Đã bỏ định dạng HTML/markdown", en: "HTML/markdown marks removed" },
  "input.empty": { vi: "Tệp trống: không có bảng nào để đọc", en: "The file is empty: there is no table to read" },
  "input.binary": {
    vi: "Tệp không phải văn bản (có byte nhị phân): hãy dán bảng dạng văn bản, các cột cách nhau bằng Tab",
    en: "The file is not text (it has binary bytes): paste the table as text, columns separated by tabs",
  },
  "input.noTargetColumn": {
    vi: "Bảng không có cột chỉ tiêu kế hoạch (các cột: {headers}): tên chỉ tiêu không phải là chỉ tiêu. Có thể đọc chữ trong cột {columns} như chỉ tiêu (--target-column \"…\", hoặc nút “Đọc cột này làm chỉ tiêu”)",
    en: "The table has no target column (columns: {headers}): indicator names are not targets. The text of {columns} can be read as targets (--target-column \"…\", or the button “Read this column as targets”)",
  },
  "input.targetColumnNotFound": {
    vi: "Không có cột “{name}” để đọc làm chỉ tiêu. Các cột: {headers}",
    en: "There is no column “{name}” to read as targets. Columns: {headers}",
  },
  "input.noHeader": {
    vi: "Không tìm thấy dòng tiêu đề bảng: cần ít nhất cột “Chỉ tiêu” và một cột chỉ tiêu kế hoạch (ví dụ “Kế hoạch năm 2025”), các cột cách nhau bằng Tab",
    en: "No table header found: at least a “Chỉ tiêu” (indicator) column and a target column (e.g. “Kế hoạch năm 2025”) are needed, columns separated by tabs",
  },
  "input.noRows": {
    vi: "Bảng có tiêu đề nhưng không có dòng chỉ tiêu nào",
    en: "The table has a header but no indicator rows",
  },
  "input.folder": { vi: "{file} là một thư mục, không phải tệp: hãy chỉ ra một tệp", en: "{file} is a folder, not a file: name a file" },
  "input.missing": { vi: "Không tìm thấy tệp {file}", en: "File not found: {file}" },
  "input.tooLarge": {
    vi: "Tệp {file} quá lớn ({size} MB; tối đa {cap} MB với bộ nhớ máy này): hãy tách thành nhiều tệp",
    en: "The file {file} is too large ({size} MB; at most {cap} MB with this machine's memory): split it into several files",
  },
  "input.unreadable": { vi: "Không đọc được tệp {file}: {detail}", en: "Could not read the file {file}: {detail}" },
  "eval.noData": { vi: "Chưa có số liệu thực hiện", en: "No actual entered yet" },
  "eval.notANumberReadable": {
    vi: "“{text}” không phải là số trong ô nhập liệu; đọc như báo cáo là {value}{qualifier}: gõ {value} vào ô, chữ ghi vào Ghi chú",
    en: "“{text}” is not a number in an input cell; read as reports write it, {value}{qualifier}: type {value} in the cell, the words in the note",
  },
  "eval.notANumber": { vi: "“{text}” không phải là số: cần một số như 95,1 hoặc 1.462,8", en: "“{text}” is not a number: a number such as 95,1 or 1.462,8 is expected" },
  "eval.excelError": { vi: "Ô chứa lỗi công thức Excel “{text}”: hãy sửa công thức hoặc nhập số", en: "The cell holds the Excel error “{text}”: fix the formula or type a number" },
  "eval.rangeNotValue": { vi: "“{text}” là một khoảng: hãy nhập một giá trị thực hiện", en: "“{text}” is a range: type one actual value" },
  "eval.ambiguous": {
    vi: "“{text}” có thể là {vi} hoặc {en}: hãy gõ rõ (ví dụ {hint})",
    en: "“{text}” may be {vi} or {en}: type it unambiguously (e.g. {hint})",
  },
  "eval.qualitativeExpected": { vi: "Chỉ tiêu định tính: nhập “Đạt” hoặc “Không đạt”, không phải “{text}”", en: "Qualitative target: type “Đạt” or “Không đạt”, not “{text}”" },
  "eval.numberExpected": { vi: "Chỉ tiêu định lượng: cần một số, không phải “{text}”", en: "Quantitative target: a number is expected, not “{text}”" },
  "eval.percentExpected": {
    vi: "Chỉ tiêu là tỷ lệ “{target}”: hãy nhập tỷ lệ phần trăm (ví dụ 95%), không phải số lượng “{text}”",
    en: "The target “{target}” is a share: type a percentage (e.g. 95%), not the count “{text}”",
  },
  "eval.noTarget": { vi: "Văn bản không ghi chỉ tiêu: không đánh giá", en: "The plan gives no target: not assessed" },
  "eval.unparsed": { vi: "Không đọc được chỉ tiêu “{target}”: không đánh giá", en: "The target “{target}” could not be read: not assessed" },
  "eval.stated.exceeded": { vi: "Báo cáo ghi “{text}”: vượt kế hoạch", en: "The report says “{text}”: above the plan" },
  "eval.stated.met": { vi: "Báo cáo ghi “{text}”: đạt kế hoạch", en: "The report says “{text}”: the plan is met" },
  "eval.stated.short": { vi: "Báo cáo ghi “{text}”: chưa đạt kế hoạch", en: "The report says “{text}”: short of the plan" },
  "eval.composite": { vi: "Chỉ tiêu gộp: đánh giá theo từng chỉ tiêu thành phần", en: "Packed target: judged from its parts" },
  "eval.baselineMissing": {
    vi: "Thiếu số liệu kỳ trước làm gốc so sánh cho chỉ tiêu “{target}”",
    en: "The previous period's actual, needed as the baseline of “{target}”, is missing",
  },
  "eval.qualitativeMet": { vi: "Đạt chỉ tiêu “{target}”", en: "The target “{target}” is achieved" },
  "eval.qualitativeShort": { vi: "Chưa đạt chỉ tiêu “{target}”", en: "The target “{target}” is not achieved" },
  "eval.behind": { vi: "Thực hiện {actual} so với chỉ tiêu {target}: thiếu {gap}", en: "Actual {actual} against the target {target}: short by {gap}" },
  "eval.ahead": { vi: "Thực hiện {actual} so với chỉ tiêu {target}: vượt {gap}", en: "Actual {actual} against the target {target}: ahead by {gap}" },
  "eval.onTarget": { vi: "Thực hiện {actual} đạt chỉ tiêu {target}", en: "Actual {actual} meets the target {target}" },
  "eval.atThreshold": {
    vi: "Thực hiện {actual} mới bằng ngưỡng của chỉ tiêu {target}: chưa đạt",
    en: "Actual {actual} only equals the threshold of the target {target}: not yet met",
  },
  "eval.offBand": { vi: "Thực hiện {actual} lệch khỏi mức {target}: {gap}", en: "Actual {actual} is off the band {target} by {gap}" },
  "eval.change": {
    vi: "{verb} {change} so với kỳ trước ({baseline}), chỉ tiêu {target}: {verdict}",
    en: "{verbEn} {change} from the previous period ({baseline}), target {target}: {verdictEn}",
  },
  "eval.warn.percent_above_100": { vi: "Lưu ý: tỷ lệ trên 100%", en: "Note: a share above 100%" },
  "eval.warn.negative_count": { vi: "Lưu ý: số lượng âm", en: "Note: a negative count" },
  "eval.warn.fractional_count": { vi: "Lưu ý: số lượng/thứ hạng không phải số nguyên", en: "Note: a count or rank that is not a whole number" },
  "eval.warn.rank_below_1": { vi: "Lưu ý: thứ hạng phải từ 1 trở lên", en: "Note: a rank must be 1 or more" },
  "eval.warn.ambiguous_read": { vi: "Lưu ý: “{text}” được đọc là {value} (kiểu Việt Nam)", en: "Note: “{text}” was read as {value} (Vietnamese style)" },
  "eval.warn.percent_as_index": { vi: "Đã đọc mức tăng {text} thành chỉ số phát triển {value}", en: "Read the growth {text} as the index {value}" },
  "report.columnNotFound": {
    vi: "Không có cột “{name}”; các cột của bảng: {headers}",
    en: "There is no column “{name}”; the table's columns are: {headers}",
  },
  "report.noTargetColumn": {
    vi: "Không tìm thấy cột chỉ tiêu kế hoạch (ví dụ “KH năm 2025”); hãy chỉ rõ bằng --target. Các cột: {headers}",
    en: "No plan column found (e.g. “KH năm 2025”); name it with --target. Columns: {headers}",
  },
  "report.noActualColumn": {
    vi: "Không tìm thấy cột thực hiện (ví dụ “Ước TH năm 2025”); hãy chỉ rõ bằng --actual. Các cột: {headers}",
    en: "No actual column found (e.g. “Ước TH năm 2025”); name it with --actual. Columns: {headers}",
  },
  "sheet.inputPrompt": {
    vi: "Nhập số thực hiện (ví dụ 95,1). Để trống nếu chưa có số liệu. Chỉ tiêu: {target}",
    en: "Type the actual (e.g. 95.1). Leave empty when there is no data yet. Target: {target}",
  },
  "sheet.inputWarning": {
    vi: "Giá trị này không phải là số. Vẫn giữ nguyên và đánh dấu “Lỗi nhập liệu”. Tiếp tục?",
    en: "This value is not a number. It will be kept and flagged as invalid input. Continue?",
  },
  "sheet.qualitativePrompt": { vi: "Chọn “Đạt” hoặc “Không đạt”.", en: "Choose “Đạt” (met) or “Không đạt” (not met)." },
  "sheet.qualitativeWarning": {
    vi: "Chỉ tiêu định tính nhận “Đạt” hoặc “Không đạt”. Vẫn giữ nguyên giá trị đã nhập và đánh dấu “Lỗi nhập liệu”. Tiếp tục?",
    en: "A qualitative target takes “Đạt” or “Không đạt”. The value will be kept and flagged as invalid input. Continue?",
  },
  "sheet.accumulatePrompt": {
    vi: "“Lũy kế”: cả năm là tổng các kỳ (vốn đầu tư, thu ngân sách, sản lượng). “Mới nhất”: cả năm là số của kỳ gần nhất (tỷ lệ, bình quân).",
    en: "“Lũy kế”: the year is the sum of the periods (investment, revenue, output). “Mới nhất”: the year is the latest period's value (rates, averages).",
  },
  "sheet.accumulateWarning": {
    vi: "Chọn “Lũy kế” hoặc “Mới nhất”. Giá trị khác được coi là “Lũy kế”. Tiếp tục?",
    en: "Choose “Lũy kế” or “Mới nhất”. Anything else counts as “Lũy kế”. Continue?",
  },
  "cli.unknownOption": { vi: "Tùy chọn không hợp lệ: {option}", en: "Unknown option: {option}" },
  "cli.missingValue": { vi: "Tùy chọn {option} cần một giá trị", en: "The option {option} needs a value" },
  // Issue #21, tasks counted once, states that do not overlap (sheets/summarySheet.ts, the task block's notes).
  "sheet.taskSumColumns": {
    vi: "Số nhiệm vụ = Hoàn thành + Đang thực hiện + Chưa triển khai + Chưa báo cáo + Không thực hiện + Lỗi nhập liệu.",
    en: "Number of tasks = Done + In progress + Not started + Not reported + Dropped + Invalid input.",
  },
  "sheet.taskSumOfWhich": {
    vi: "“Trong đó” quá hạn, sắp đến hạn: một phần các nhiệm vụ chưa hoàn thành, không cộng thêm. Chưa báo cáo: chưa ghi tình trạng, chưa có ngày hoàn thành.",
    en: "“Of which” overdue, due soon: part of the tasks not done, not added on top. Not reported: no state and no completion date given.",
  },
  "sheet.taskSumOnce": {
    vi: "Một nhiệm vụ có nhiều cơ quan chủ trì được tính cho từng cơ quan; dòng Tổng cộng tính mỗi nhiệm vụ một lần.",
    en: "A task with several lead agencies is counted for each of them; the Total row counts each task once.",
  },
  // Issue #21, restore after a collect (sheets/restore.ts): what a restore took back.
  "restore.collect": {
    vi: "Đã khôi phục {n} ô của lần thu phiếu lúc {at} ({forms}): các ô trở lại giá trị trước khi thu phiếu, ô trước đó trống lại để trống. Các phiếu vẫn được ghi là đã nhận (trang “Tình hình báo cáo”); thu lại phiếu sẽ đưa số liệu của nó vào lại.",
    en: "Restored {n} cell(s) of the collect at {at} ({formsEn}): the cells hold what they held before it, cells that were empty are empty again. The forms are still recorded as received (the “Tình hình báo cáo” sheet); collecting a form again brings its entries back.",
  },
  "restore.refresh": { vi: "Đã khôi phục {n} ô của lần cập nhật lúc {at}.", en: "Restored {n} cell(s) of the refresh at {at}." },
  "restore.unchangedCollect": {
    vi: "Không có ô nào cần khôi phục: các ô đã giữ giá trị trước lần thu phiếu lúc {at} ({forms}).",
    en: "No cell to restore: the cells already hold their values from before the collect at {at} ({formsEn}).",
  },
  "restore.unchangedRefresh": { vi: "Không có ô nào cần khôi phục: các ô đã giữ giá trị trước lần cập nhật lúc {at}.", en: "No cell to restore: the cells already hold their values from before the refresh at {at}." },
  "restore.noBackup": {
    vi: "Chưa có bản sao lưu để khôi phục: bản sao lưu được ghi ở mỗi lần cập nhật chỉ tiêu hoặc thu phiếu.",
    en: "There is no backup to restore: one is written by every refresh and every collect.",
  },
  "restore.changedSince": {
    vi: "ô đã được sửa sau lần thu phiếu (đang là {now}, phiếu {form} ghi {after}): giữ nguyên; trước khi thu phiếu: {before}",
    en: "the cell was changed after the collect (it holds {nowEn}, the form {form} wrote {afterEn}): kept; before the collect: {beforeEn}",
  },
  // Issue #22, bounded readers (hosts/xlsx/unsafe.ts, unzip.ts, xmlScan.ts, sheetXml.ts): why a package is refused.
  "package.partTooLarge": {
    vi: "phần {part} giải nén ra hơn {cap} MB: tệp hỏng hoặc đã bị sửa để làm treo máy; không đọc",
    en: "the part {part} inflates to more than {cap} MB: the file is damaged or was made to exhaust memory; not read",
  },
  "package.totalTooLarge": {
    vi: "các phần của tệp giải nén ra hơn {cap} MB (đến phần {part}): tệp hỏng hoặc đã bị sửa để làm treo máy; không đọc",
    en: "the file's parts inflate to more than {cap} MB (at the part {part}): the file is damaged or was made to exhaust memory; not read",
  },
  "package.sizeMismatch": {
    vi: "phần {part} ghi cỡ {declared} byte nhưng giải nén ra {actual} byte: tệp hỏng hoặc đã bị sửa; không đọc",
    en: "the part {part} declares {declared} bytes but inflates to {actual}: the file is damaged or was altered; not read",
  },
  "package.method": { vi: "phần {part} nén theo cách không biết (phương pháp {method}); không đọc", en: "the part {part} is compressed in an unknown way (method {method}); not read" },
  "package.notZip": {
    vi: "không phải tệp .xlsx (không có thư mục zip đọc được): tệp hỏng, hoặc là loại tệp khác đổi tên thành .xlsx; không đọc",
    en: "not an .xlsx file (no readable zip directory): the file is damaged, or another kind of file renamed .xlsx; not read",
  },
  "package.damaged": { vi: "phần {part} bị hỏng, không giải nén được; không đọc", en: "the part {part} is damaged and cannot be inflated; not read" },
  "package.badXml": {
    vi: "phần {part} không phải XML hợp lệ (dòng:cột {where}: {detail}); không đọc",
    en: "the part {part} is not well-formed XML (line:column {where}: {detail}); not read",
  },
  "package.badReference": { vi: "phần {part} có địa chỉ ô/dòng không hợp lệ “{ref}”; không đọc", en: "the part {part} holds an invalid cell or row reference “{ref}”; not read" },
  "package.rowTooFar": {
    vi: "phần {part} có dòng số {row}, quá dòng cuối của Excel ({max}): tệp hỏng hoặc đã bị sửa; không đọc",
    en: "the part {part} holds row {row}, past Excel's last row ({max}): the file is damaged or was altered; not read",
  },
  "package.columnTooFar": {
    vi: "phần {part} có ô “{ref}” quá cột cuối của Excel ({max}): tệp hỏng hoặc đã bị sửa; không đọc",
    en: "the part {part} holds the cell “{ref}”, past Excel's last column ({max}): the file is damaged or was altered; not read",
  },
  "package.badRange": { vi: "phần {part} có vùng ô không hợp lệ hoặc ngoài lưới Excel “{ref}”; không đọc", en: "the part {part} holds a range that is invalid or outside Excel's grid “{ref}”; not read" },
  "package.rangesTooLarge": {
    vi: "phần {part} có các vùng gộp ô / kiểm tra dữ liệu phủ hơn {cap} ô: tệp hỏng hoặc đã bị sửa để làm treo máy; không đọc",
    en: "the part {part} has merged or validated ranges covering more than {cap} cells: the file is damaged or was made to exhaust memory; not read",
  },
} as const satisfies Record<string, { vi: string; en: string }>;

export type MessageCode = keyof typeof MESSAGES;
export type Lang = "vi" | "en";

export interface Message {
  code: MessageCode;
  vi: string;
  en: string;
}

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

export function message(code: MessageCode, params: Record<string, string | number> = {}): Message {
  const m = MESSAGES[code];
  return { code, vi: fill(m.vi, params), en: fill(m.en, params) };
}

/** "vi / en" on one line, for logs and CLI errors. */
export function bilingual(m: Message): string {
  return `${m.vi} / ${m.en}`;
}
