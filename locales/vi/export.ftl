## Excel export (/xuat, `npm run cli -- export`)

export-command = Xuất số liệu tiến độ đại hội ra tệp Excel
help-export = /xuat [MÃ_ĐƠN_VỊ] — gửi tệp Excel (biểu tổng hợp, tiến độ, kết quả bầu cử, thống kê theo cấp, khó khăn đang mở) và báo cáo Word của các đơn vị đồng chí được xem (tiếng Anh: /export)
export-private-only = Tệp số liệu chỉ gửi trong tin nhắn riêng với Trợ lý. Đồng chí nhắn riêng cho @{ $bot } và gõ /xuat.
export-not-allowed =
    Xuất số liệu dành cho Ban Thường vụ, Văn phòng, tổ trưởng Tổ công tác và bí thư đảng ủy cơ sở; đồng chí chưa được giao vai trò này.
    Cần số liệu, đồng chí liên hệ Văn phòng cấp ủy.
export-bad-code = "{ $code }" không phải mã đơn vị. Gõ /xuat để xuất toàn bộ đơn vị đồng chí được xem, hoặc thêm mã đơn vị, ví dụ: /xuat { $example }
export-unknown-unit = Không có đơn vị mã "{ $code }". Ví dụ: /xuat { $example }
export-unit-not-allowed = Đồng chí không được xem số liệu của { $unit } ({ $code }). Đồng chí có thể xuất: { $allowed }. Ví dụ: /xuat { $example }
export-caption = Tiến độ đại hội — { $scope }. Số liệu lúc { $time } ngày { $date }.
export-file-name = tien-do-dai-hoi
export-cli-summary = { $units } đơn vị, { $elections } đại hội đã tổ chức, { $difficulties } khó khăn đang mở.
export-cli-bad-format = định dạng "{ $value }" không hợp lệ; chỉ nhận: xlsx, csv, docx (ví dụ: export --format xlsx --out tien-do.xlsx)
export-cli-docx-congress-only = báo cáo Word (docx) chỉ có cho đợt đại hội; đợt "{ $key }" xuất được dạng xlsx hoặc csv (ví dụ: export --campaign { $key } --out { $key }.xlsx)
export-cli-bad-out = tệp ra "{ $file }" phải có đuôi .{ $format } (ví dụ: --out tien-do.{ $format })
export-cli-cannot-write = không ghi được { $file }: { $reason }

export-title = { $organization }{ $scope ->
    [whole] {""}
   *[other] {" — "}{ $scope }
} — số liệu lúc { $time } ngày { $date }{ $campaign ->
    [none] {""}
   *[other] {" "}— { $campaign }
}
export-sheet = { $sheet ->
    [summary] Tổng hợp
    [units] Tiến độ đơn vị
    [elections] Kết quả bầu cử
    [statistics] Thống kê theo cấp
   *[difficulties] Khó khăn đang mở
}
export-level = { $level ->
    [province] Đảng bộ tỉnh
    [district] Đảng bộ quận, huyện
    [grassroots] Tổ chức cơ sở đảng
    [partial] Đảng bộ bộ phận
    [cell] Chi bộ
   *[all] Tổng cộng
}
export-yes = Có
export-no = Không
export-no-results = Báo cáo chưa có kết quả bầu cử
export-sensitive-text = 🔒 Đơn thư, khiếu nại, tố cáo: không hiển thị nội dung

export-column = { $column ->
    [code] Mã
    [unit] Đơn vị
    [level] Cấp
    [parent-code] Mã cấp trên
    [parent] Đơn vị cấp trên
    [pilot] Đại hội điểm (ngày)
    [plan] Kế hoạch
    [documents] Dự thảo văn kiện
    [personnel] Phương án nhân sự
    [scheduled] Ngày đại hội (ấn định)
    [held] Ngày đã đại hội
    [held-deadline] Hạn đại hội
    [done-late] Mốc hoàn thành sau hạn
    [reported-late] Mốc báo cáo sau hạn (việc đúng hạn)
    [overdue] Mốc quá hạn
    [overdue-days] Số ngày quá hạn
    [paused] Đã hoãn (tạm dừng nhắc)
    [difficulties] Khó khăn đang mở
    [secretary] Bí thư
    [congress-date] Ngày đại hội
    [planned] BCH theo đề án
    [elected] BCH trúng cử
    [in-full] Bầu đủ
    [standing] Ủy viên BTV
    [standing-women] Nữ trong BTV
    [women] Nữ
    [under-35] Dưới 35 tuổi
    [aged-35-to-50] Từ 35 đến 50 tuổi
    [over-50] Trên 50 tuổi
    [re-elected] Tái cử
    [postgraduate] Trên đại học
    [graduate] Cao đẳng, đại học
    [theory-advanced] LLCT cao cấp, cử nhân
    [theory-intermediate] Trung cấp LLCT
    [lowest-vote-share] Tỷ lệ phiếu thấp nhất
    [highest-vote-share] Tỷ lệ phiếu cao nhất
    [delegates-ex-officio] Đại biểu đương nhiên
    [new] Tham gia lần đầu
    [secretary-direct] Bí thư bầu trực tiếp
    [one-round] Bầu một lần đủ
    [delegates] Đại biểu được bầu dự đại hội cấp trên
    [summoned] Số được triệu tập
    [present] Số có mặt
    [note] Ghi chú
    [units] Số đơn vị
    [held-count] Đã đại hội
    [held-share] Tỷ lệ đã đại hội
    [with-results] Có kết quả bầu cử
    [elected-share] Tỷ lệ trúng cử/đề án
    [in-full-count] Số đơn vị bầu đủ
    [short-count] Số đơn vị bầu thiếu
    [short-units] Đơn vị bầu thiếu
    [women-share] Tỷ lệ nữ
    [under-35-share] Tỷ lệ dưới 35 tuổi
    [re-elected-share] Tỷ lệ tái cử
    [new-share] Tỷ lệ tham gia lần đầu
    [secretary-direct-count] Số bí thư bầu trực tiếp
    [one-round-count] Số đơn vị bầu một lần đủ
    [aged-35-to-50-share] Tỷ lệ từ 35 đến 50 tuổi
    [over-50-share] Tỷ lệ trên 50 tuổi
    [postgraduate-share] Tỷ lệ trên đại học
    [graduate-share] Tỷ lệ cao đẳng, đại học
    [theory-advanced-share] Tỷ lệ LLCT cao cấp, cử nhân
    [theory-intermediate-share] Tỷ lệ trung cấp LLCT
    [standing-women-share] Tỷ lệ nữ trong BTV
    [present-share] Tỷ lệ có mặt
    [opened-at] Ngày nêu
   *[text] Nội dung
}

## The summary sheet (first sheet of the export)

export-summary-party = ĐẢNG CỘNG SẢN VIỆT NAM
export-summary-dated = { $place }, ngày { $day } tháng { $month } năm { $year }
export-summary-title = BIỂU TỔNG HỢP TIẾN ĐỘ TỔ CHỨC ĐẠI HỘI
export-summary-as-of = Số liệu tính đến ngày { $date }
export-summary-scope = Phạm vi: { $scope }
export-summary-prepared = NGƯỜI LẬP BIỂU
export-summary-signed = T/M BAN THƯỜNG VỤ
export-summary-signature-note = (Ký, ghi rõ họ tên)
export-summary-ratio = { $part }/{ $whole } ({ $percent })
export-summary-state = { $state ->
    [held] Đã đại hội
    [scheduled] Đã có lịch
   *[not-scheduled] Chưa có lịch
}
export-summary-done = Xong
export-summary-not-done = Chưa xong
export-summary-pilot-held = Đại hội điểm
export-summary-pilot = Đại hội điểm, dự kiến { $date }
export-summary-pilot-passed = Đại hội điểm dự kiến { $date }: đã qua ngày, chưa có báo cáo
export-summary-difficulties = { $count } khó khăn đang mở
export-summary-total = { $level ->
    [province] Cộng đảng bộ tỉnh
    [district] Cộng đảng bộ quận, huyện
    [grassroots] Cộng tổ chức cơ sở đảng
    [partial] Cộng đảng bộ bộ phận
   *[cell] Cộng chi bộ trực thuộc
}
export-summary-column = { $column ->
    [stt] STT
    [grassroots] Tổ chức cơ sở đảng
    [cells-held] Chi bộ đã đại hội
    [cells-total] Tổng số chi bộ
    [cells-share] Tỷ lệ chi bộ đã đại hội
    [congress] Đại hội cơ sở
    [congress-date] Ngày đại hội (đã tổ chức hoặc dự kiến)
    [documents] Dự thảo văn kiện
    [personnel] Phương án nhân sự
   *[remarks] Ghi chú
}

## The narrative report (.docx: /xuat, `export --format docx`)

narrative-title = BÁO CÁO
narrative-subject = Tiến độ tổ chức { $campaign ->
    [none] đại hội
   *[other] { $campaign }
}
narrative-as-of = (Số liệu tính đến ngày { $date })
narrative-section = { $section ->
    [cells] Đại hội chi bộ trực thuộc đảng ủy cơ sở
    [grassroots] Đại hội cấp cơ sở
    [preparation] Công tác chuẩn bị đại hội cấp cơ sở
    [elections] Kết quả bầu cử
   *[difficulties] Khó khăn, vướng mắc
}
narrative-cells = Đến ngày { $date }, đã có { $held }/{ $total } chi bộ trực thuộc { $committees } đảng ủy cơ sở tổ chức xong đại hội, đạt { $percent }; { $scheduled } chi bộ đã ấn định ngày đại hội; { $rest } chi bộ chưa ấn định ngày đại hội.
narrative-partial = Đảng bộ bộ phận: đã có { $held }/{ $total } đảng bộ bộ phận tổ chức đại hội, đạt { $percent }.
narrative-grassroots = Đến ngày { $date }, đã có { $held }/{ $total } tổ chức cơ sở đảng tổ chức đại hội, đạt { $percent }; { $scheduled } tổ chức cơ sở đảng đã ấn định ngày đại hội.
narrative-pilot = { $state ->
    [held] Đại hội điểm { $unit } đã tổ chức thành công vào ngày { $date }.
    [scheduled] Đại hội điểm { $unit } dự kiến tổ chức ngày { $date }.
    [passed] Đại hội điểm { $unit } dự kiến tổ chức ngày { $date }, đến nay chưa báo cáo kết quả.
   *[planned] Đại hội điểm { $unit } dự kiến tổ chức ngày { $date }, chưa ấn định ngày chính thức.
}
narrative-documents = { $done }/{ $total } tổ chức cơ sở đảng đã xây dựng xong dự thảo báo cáo chính trị, dự thảo báo cáo kiểm điểm của cấp ủy ({ $percent }){ $pending ->
    [0] .
   *[other] ; { $pending } tổ chức cơ sở đảng còn lại đang xây dựng dự thảo các báo cáo: { $list }.
}
narrative-personnel = { $done }/{ $total } tổ chức cơ sở đảng đã xây dựng xong phương án nhân sự cấp ủy khóa mới ({ $percent }).
narrative-no-elections = Chưa có đại hội nào báo cáo kết quả bầu cử.
narrative-difficulty = { $unit }: { $text }
narrative-difficulty-hidden = { $unit }: đơn thư, khiếu nại, tố cáo (nội dung không ghi trong báo cáo).
narrative-no-difficulties = Các đơn vị chưa báo cáo khó khăn, vướng mắc.
narrative-file-name = bao-cao-tien-do-dai-hoi
narrative-caption = Báo cáo tiến độ đại hội (bản Word để chỉnh sửa, ký ban hành) — { $scope }. Số liệu tính đến ngày { $date }.
