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
  // Issue #22, one writer at a time and clear refusals (node/fsErrors.ts, node/lock.ts, node/files.ts, node/input.ts,
  // parse/legacyEncodings.ts, hosts/xlsx/macros.ts, sheets/entries.ts): file-system errors, the master's lock,
  // text encodings, --actuals values past a cell's limit, macro-enabled workbooks.
  "fs.noSpace": {
    vi: "Không ghi được {file}: ổ đĩa đã đầy. Hãy giải phóng chỗ trống rồi chạy lại; tệp cũ (nếu có) giữ nguyên",
    en: "Could not write {file}: the disk is full. Free some space and run again; the old file (if any) is unchanged",
  },
  "fs.noPermissionWrite": {
    vi: "Không ghi được {file}: không có quyền ghi vào tệp hoặc thư mục của nó (hoặc tệp đang mở trong Excel: hãy đóng tệp). Tệp cũ (nếu có) giữ nguyên",
    en: "Could not write {file}: no permission to write the file or its folder (or the file is open in Excel: close it). The old file (if any) is unchanged",
  },
  "fs.noPermissionRead": { vi: "Không đọc được {file}: không có quyền đọc tệp này", en: "Could not read {file}: no permission to read this file" },
  "fs.readOnlyDisk": {
    vi: "Không ghi được {file}: ổ đĩa hoặc thư mục chỉ cho đọc (read-only). Hãy ghi ra nơi khác bằng --out",
    en: "Could not write {file}: the disk or folder is read-only. Write elsewhere with --out",
  },
  "fs.readOnlyFile": {
    vi: "Không ghi đè {file}: tệp đang đặt chế độ chỉ đọc (read-only). Hãy bỏ chế độ chỉ đọc của tệp (Properties › Read-only) hoặc ghi ra tệp khác bằng --out",
    en: "Not replacing {file}: the file is set read-only. Clear its read-only setting (Properties › Read-only) or write another file with --out",
  },
  "fs.folderWrite": { vi: "Không ghi được {file}: đây là một thư mục; hãy chỉ ra một tệp .xlsx", en: "Could not write {file}: it is a folder; name an .xlsx file" },
  "fs.noFolder": { vi: "Không ghi được {file}: thư mục chứa nó không tồn tại", en: "Could not write {file}: its folder does not exist" },
  "fs.busy": {
    vi: "Không ghi được {file}: tệp đang bị chương trình khác giữ (có thể đang mở trong Excel): hãy đóng tệp rồi chạy lại",
    en: "Could not write {file}: another program holds the file (it may be open in Excel): close it and run again",
  },
  "fs.otherRead": { vi: "Không đọc được {file}: lỗi hệ thống tệp {code}", en: "Could not read {file}: file-system error {code}" },
  "fs.otherWrite": { vi: "Không ghi được {file}: lỗi hệ thống tệp {code}; tệp cũ (nếu có) giữ nguyên", en: "Could not write {file}: file-system error {code}; the old file (if any) is unchanged" },
  "lock.waiting": {
    vi: "{file} đang được một lần chạy khác ghi (khóa {lock}): chờ tối đa {seconds} giây…",
    en: "{file} is being written by another run (lock {lock}): waiting up to {seconds} s…",
  },
  "lock.busy": {
    vi: "Không ghi {file}: sau {seconds} giây chờ, một lần chạy khác vẫn đang ghi tệp này (khóa {lock}). Hãy chạy lại khi lần đó xong; nếu chắc chắn không còn lần nào đang chạy, hãy xóa thư mục {lock}",
    en: "Not writing {file}: after waiting {seconds} s another run is still writing it (lock {lock}). Run again once that run is done; if you are sure none is running, delete the folder {lock}",
  },
  "lock.recovered": {
    vi: "Đã gỡ khóa {lock} do một lần chạy đã dừng giữa chừng để lại (tiến trình {pid})",
    en: "Removed the lock {lock} left by a run that stopped half-way (process {pid})",
  },
  "lock.lost": {
    vi: "Không ghi {file}: trong lúc chạy, khóa {lock} đã bị một lần chạy khác lấy (máy bận quá lâu?). Tệp giữ nguyên; hãy chạy lại",
    en: "Not writing {file}: while this run worked, another run took the lock {lock} (was the machine busy too long?). The file is unchanged; run again",
  },
  "lock.changed": {
    vi: "Không ghi {file}: trong lúc chạy, tệp đã bị một chương trình khác lưu lại (ví dụ Excel). Tệp giữ nguyên như chương trình kia đã lưu; hãy đóng tệp rồi chạy lại",
    en: "Not writing {file}: while this run worked, another program saved the file (Excel, for example). It stays as that program saved it; close it and run again",
  },
  "text.notUtf8": {
    vi: "{file}: không phải văn bản UTF-8 — byte 0x{hex} không hợp lệ ở dòng {line}, byte thứ {column} của dòng; hãy lưu lại tệp dạng UTF-8 (Excel: CSV UTF-8; Notepad: Mã hóa UTF-8)",
    en: "{file}: not UTF-8 text — the byte 0x{hex} is invalid at line {line}, byte {column} of the line; save the file as UTF-8 (Excel: CSV UTF-8; Notepad: Encoding UTF-8)",
  },
  "text.legacyEncoding": {
    vi: "{file}: không phải UTF-8; đã đọc theo bảng mã tiếng Việt cũ {encoding} ({words} từ có dấu đọc được) — hãy kiểm tra chữ có dấu, và lần sau lưu tệp dạng UTF-8",
    en: "{file}: not UTF-8; read in the legacy Vietnamese encoding {encoding} ({words} accented words read) — check the accented letters, and save the file as UTF-8 next time",
  },
  "csv.valueShortened": {
    vi: "giá trị dài {length} ký tự, quá {limit} ký tự một ô Excel giữ được: đã rút gọn",
    en: "the value has {length} characters, more than the {limit} an Excel cell holds: shortened",
  },
  "package.macro": {
    vi: "workbook có macro (tệp .xlsm đổi tên thành .xlsx: {evidence}); phiếu báo cáo không được chứa macro; không đọc — hãy mở bằng Excel và lưu lại dạng .xlsx",
    en: "a macro-enabled workbook (an .xlsm renamed .xlsx: {evidence}); a form may not hold macros; not read — open it in Excel and save it as .xlsx",
  },
  "master.macro": {
    vi: "{file} là workbook có macro (tệp .xlsm đổi tên thành .xlsx: {evidence}): ghi lại dạng .xlsx sẽ làm mất các macro, nên không ghi. Hãy lưu một bản không có macro (Tệp › Lưu dạng › Sổ làm việc Excel .xlsx) rồi chạy lại với bản đó",
    en: "{file} is a macro-enabled workbook (an .xlsm renamed .xlsx: {evidence}): writing it back as .xlsx would drop its macros, so nothing is written. Save a copy without macros (File › Save As › Excel Workbook .xlsx) and run again on it",
  },
  "master.macroNotice": {
    vi: "Lưu ý: {file} là workbook có macro (tệp .xlsm đổi tên thành .xlsx: {evidence}); việc cập nhật hoặc tổng hợp vào tệp này sẽ bị từ chối vì ghi lại sẽ làm mất các macro",
    en: "Note: {file} is a macro-enabled workbook (an .xlsm renamed .xlsx: {evidence}); a refresh or collect into it will be refused, since writing it back would drop its macros",
  },
  // Issue #22, item 6, refresh reports what it restored (sheets/layoutRestore.ts): a sheet put back as the add-in writes it.
  "refresh.layout.order": { vi: "thứ tự các trang phụ lục được đặt lại", en: "the appendix sheets put back in their order" },
  "refresh.layout.shown": { vi: "trang bị ẩn được hiện lại", en: "the hidden sheet is shown again" },
  "refresh.layout.hidden": { vi: "trang ẩn của phần bổ trợ được ẩn lại", en: "the add-in's hidden sheet is hidden again" },
  "refresh.layout.table": { vi: "bảng Excel (lọc, sắp xếp) được tạo lại", en: "the Excel table (filter, sort) is made again" },
  "refresh.layout.protection": {
    vi: "bảo vệ trang (chống sửa nhầm chỉ tiêu và công thức) được bật lại",
    en: "sheet protection (against slips over targets and formulas) is turned on again",
  },
  // Issue #22, the master keeps the ledger (sheets/ledger.ts, formTrust.ts, collect.ts, forms.ts): why a returned
  // form or row is refused, a form's own settings not taken, and what a split records.
  "ledger.fieldAltered": { vi: "{fieldVi} “{form}” (sổ phiếu ghi “{ledger}”)", en: "{fieldEn} “{form}” (the ledger says “{ledger}”)" },
  "ledger.twoIdentities": {
    vi: "phiếu có hơn một trang định danh ({sheets}): trang định danh đã bị sao chép hoặc thêm vào; không đưa vào",
    en: "the form holds more than one identity sheet ({sheets}): one was copied or added; not collected",
  },
  "ledger.noLedger": {
    vi: "phiếu mang dấu của sổ phiếu nhưng workbook tổng hợp này không có sổ phiếu (trang ẩn _IM_SOPHIEU bị xoá, hoặc phiếu được tách từ một bản sao khác của workbook): không kiểm chứng được, không đưa vào",
    en: "the form carries a ledger stamp but this master has no ledger (its hidden sheet _IM_SOPHIEU was deleted, or the form was split from another copy of the workbook): it cannot be verified; not collected",
  },
  "ledger.notIssued": {
    vi: "sổ phiếu không có phiếu mã {id}: phiếu không do workbook tổng hợp này phát ra, mã phiếu bị sửa, hoặc là phiếu cũ đã được thay bằng phiếu tách sau; hãy tách lại phiếu và gửi cho cơ quan; không đưa vào",
    en: "the ledger has no form with the id {id}: the form was not issued by this master, its id was altered, or it is an old form replaced by a later split; split the form again and send it to the agency; not collected",
  },
  "ledger.stampAltered": { vi: "trang định danh của phiếu đã bị sửa — {vi}: không đưa vào", en: "the form's identity sheet was altered — {en}: not collected" },
  "ledger.badSignature": {
    vi: "chữ ký của phiếu không đúng (trang định danh bị sửa hoặc chép từ phiếu khác): không đưa vào",
    en: "the form's signature does not verify (its identity sheet was altered or copied from another form): not collected",
  },
  "ledger.entriesAltered": {
    vi: "số liệu khi tách trong trang định danh của phiếu đã bị sửa ({n} ô: {list}; trong ngoặc là số sổ phiếu ghi): không đưa vào",
    en: "the entries as split in the form's identity sheet were altered ({n} cells: {list}; in brackets what the ledger holds): not collected",
  },
  "ledger.stampRemoved": {
    vi: "phiếu không có dấu của sổ phiếu, dù mọi phiếu tách từ {since} đều có: dấu đã bị xoá hoặc thời điểm tách bị sửa; không đưa vào",
    en: "the form has no ledger stamp, though every form split since {since} has one: the stamp was removed or the split time altered; not collected",
  },
  "ledger.unverified": {
    vi: "phiếu tạo trước khi có sổ phiếu: không kiểm chứng được (đưa vào theo định danh của chính phiếu); kỳ sau hãy gửi phiếu tách mới",
    en: "a form made before the ledger existed: it cannot be verified (collected on its own identity); send newly split forms next time",
  },
  "ledger.foreignRow": {
    vi: "dòng mang mã {id} (“{name}”) không được giao cho phiếu này ({agency}): dòng bị từ chối, không đưa vào",
    en: "the row with the id {id} (“{name}”) was not issued with this form ({agency}): the row is refused, not collected",
  },
  "ledger.setting": {
    vi: "phiếu đổi {columnVi} (“{before}” → “{after}”): không đưa vào, workbook tổng hợp giữ nguyên",
    en: "the form changed the {columnEn} (“{before}” → “{after}”): not collected; the master keeps its own",
  },
  "ledger.recorded": {
    vi: "sổ phiếu: đã ghi {n} phiếu vào {file} (khoá ký phiếu ở trang ẩn của workbook tổng hợp: không gửi workbook này đi)",
    en: "ledger: {n} forms recorded in {file} (the signing key is on a hidden sheet of the master: do not send the master out)",
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
