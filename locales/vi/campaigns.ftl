## Campaign template file problems (printed as "<place>: <message>"; see docs/campaign-templates.md)

org-problem-template-key-format = mã mẫu "{ $value }" không hợp lệ; chỉ gồm chữ thường không dấu, số và dấu -, 2 đến 32 ký tự, bắt đầu bằng chữ, ví dụ hoc-tap-nq
org-problem-template-key-built-in = "{ $value }" là mã của một mẫu có sẵn (congress, review, study, meeting); xin đặt mã khác, ví dụ { $value }-2027
org-problem-word-format = từ khóa "{ $value }" không hợp lệ; chỉ gồm chữ thường không dấu và số, 2 đến 20 ký tự, ví dụ kiemdiem
org-problem-field-key-format = khóa "{ $value }" không hợp lệ; chỉ gồm chữ thường không dấu và số, tối đa 20 ký tự, bắt đầu bằng chữ, ví dụ comat
org-problem-duplicate-word = từ khóa "{ $value }" đã dùng cho mốc khác (ở { $first }); mỗi từ khóa chỉ gọi một mốc
org-problem-closes-itself = một mốc không thể khép lại chính nó
org-problem-unknown-milestone = không có mốc "{ $value }" trong mẫu này
org-problem-several-later-event = chỉ một mốc được có date: laterEvent (mốc ấn định ngày của mốc cuối)
org-problem-range-only-for-count = min và max chỉ dùng cho trường kiểu count
org-problem-range-order = min ({ $min }) lớn hơn max ({ $max })
org-problem-choices-too-few = trường kiểu choice cần ít nhất hai lựa chọn
org-problem-duplicate-choice = lựa chọn "{ $value }" bị ghi hai lần
org-problem-choices-only-for-choice = choices chỉ dùng cho trường kiểu choice
org-problem-rule-format = quy tắc "{ $value }" không đúng dạng; viết tổng các khóa, một phép so sánh (<=, <, =, >=, >) rồi tổng các khóa, ví dụ comat <= tong hoặc xs + tot = danhgia
org-problem-unknown-field = mốc này không có trường "{ $value }"
org-problem-not-a-count = trường "{ $value }" không phải kiểu count (số đếm), nên không cộng hay so sánh được
org-problem-not-a-choice = trường "{ $value }" không phải kiểu choice (lựa chọn)
org-problem-level-not-asked = cấp "{ $value }" không thuộc các cấp của mẫu ({ $values })
org-problem-placeholder = chỗ điền { $value } không dùng được ở loại số liệu này; chỉ có: { $values }

## Org file: campaigns (`campaigns:`)

org-problem-date-or-day = "{ $value }" không phải ngày (2026-12-31 hoặc 31/12/2026) hay ngày trong tháng (1 đến 31)
org-problem-campaign-key-format = mã đợt "{ $value }" không hợp lệ; chỉ gồm chữ thường không dấu, số và dấu -, 2 đến 32 ký tự, bắt đầu bằng chữ, ví dụ kiemdiem2026
org-problem-duplicate-campaign-name = tên đợt "{ $value }" bị trùng (đã có ở { $first })
org-problem-terms-only-for-congress = terms (nhiệm kỳ) chỉ dùng cho đợt đại hội (template: congress)
org-problem-several-congresses = mỗi lúc chỉ có một đợt đại hội; tệp đã có một đợt đại hội (campaign: hoặc một mục template: congress khác)
org-problem-unknown-template = không có mẫu "{ $value }"; các mẫu hiện có: { $values } (mẫu riêng của đơn vị nhập bằng: npm run cli -- template import TỆP)
org-problem-deadline-day = mẫu này lặp lại hằng tháng: hạn là ngày trong tháng từ 1 đến 31, ví dụ 25 (31: cuối tháng), không phải "{ $value }"
org-problem-deadline-date = hạn phải là một ngày, ví dụ 2026-12-31 hoặc 31/12/2026, không phải "{ $value }"
org-problem-opens-required = thiếu opens (ngày bắt đầu đợt, ví dụ 2026-12-01): các hạn không ghi trong tệp được tính từ ngày này theo mẫu

## Command line: templates and campaigns

cli-template-invalid = Tệp mẫu { $file } có { $count } lỗi; chưa ghi gì vào cơ sở dữ liệu:
cli-template-imported = Đã { $outcome ->
    [created] nhập
   *[updated] cập nhật
} mẫu "{ $key }". Khai báo đợt theo mẫu này trong tệp tổ chức: campaigns: [{"{"} key: …, name: "…", template: { $key }, … {"}"}]
cli-template-too-large = tệp { $file } quá lớn để là một mẫu đợt (tối đa 256 KB)
cli-template-line = { $key }: { $name } ({ $recurrence ->
    [monthly] hằng tháng
   *[once] một lần
}; mốc: { $milestones })
cli-org-campaigns-opened = Mở { $count } đợt: { $list }
cli-org-campaigns-updated = Cập nhật { $count } đợt: { $list }
cli-org-campaigns-closed = Kết thúc { $count } đợt không còn trong tệp (giữ nguyên các báo cáo): { $list }

## A campaign's section (status, digest, /tiendo)

campaign-section-title = 📋 { $name }{ $round ->
    [none] {""}
   *[other] {" "}— tháng { $round }
}
campaign-section-counts = Hoàn thành: { $done }/{ $total } đơn vị ({ $share }); quá hạn: { $overdue } đơn vị.
campaign-section-not-open = Đợt bắt đầu từ tháng { $month }; chưa yêu cầu báo cáo.
campaign-section-no-units = Không có đơn vị nào thuộc các cấp đợt này yêu cầu.

## Reporting a campaign's milestone (/baocao)

campaign-choose = Đồng chí báo cáo cho đợt nào?
campaign-choose-milestone = { $unit } — { $campaign }: đồng chí báo cáo nội dung nào?
campaign-ask-date = { $milestone }: ngày nào? Gõ ngày/tháng/năm (ví dụ { $example }), "hôm nay", "hôm qua", hoặc bấm nút.
campaign-ask-field = { $question }{ $kind ->
    [count] {" "}Gõ một số, ví dụ { $example }.
    [text] {" "}Gõ nội dung (tối đa { $max } ký tự).
   *[other] {""}
}{ $optional ->
    [yes] {" "}(Không bắt buộc: bấm "Bỏ qua" nếu chưa có.)
   *[no] {""}
}
campaign-card-title = Xác nhận báo cáo — { $unit }{ $parent ->
    [none] {""}
   *[other] {" "}({ $parent })
}
campaign-card-campaign = Đợt: { $campaign }{ $round ->
    [none] {""}
   *[other] {" "}— tháng { $round }
}
campaign-card-milestone = { $milestone }{ $date ->
    [none] {""}
   *[other] : ngày { $date }
}
campaign-card-value = { $label }: { $value }
campaign-card-correction = Báo cáo này thay báo cáo trước của cùng nội dung; báo cáo cũ vẫn lưu trong lịch sử.
campaign-saved = Đã lưu báo cáo. Tình hình của đơn vị trong đợt { $campaign }:
campaign-duplicate = Báo cáo này đã được lưu trước đó; không ghi thêm.
campaign-check-closed-by = ☑️ { $milestone } — coi như xong (đã báo cáo: { $by })
campaign-which = "{ $word }" là nội dung của nhiều đợt: { $keys }. Ghi mã đợt trước nội dung, ví dụ /baocao { $key } { $word } …
campaign-not-asked = Đợt "{ $campaign }" không yêu cầu { $unit } báo cáo.
campaign-unknown-milestone = "{ $value }" không phải nội dung của đợt "{ $campaign }". Dùng một trong: { $words }.
campaign-problem-unknown-key = Không có khóa "{ $value }" ở nội dung này. Các khóa: { $keys }.
campaign-problem-duplicate-key = Khóa "{ $value }" bị ghi hai lần.
campaign-problem-not-a-number = { $key }={ $value }: cần một số từ { $min } đến { $max }, ví dụ { $example }.
campaign-problem-not-yes-no = { $key }={ $value }: cần "co" hoặc "khong", ví dụ { $key }=co.
campaign-problem-not-a-choice = { $key }={ $value }: chỉ nhận { $choices }.
campaign-problem-too-long = { $key }: quá dài (tối đa { $max } ký tự).
campaign-problem-missing-key = Thiếu { $key }, ví dụ { $example }.
campaign-problem-rule = Số liệu không khớp: { $left } { $operator ->
    [le] không được lớn hơn
    [lt] phải nhỏ hơn
    [ge] không được nhỏ hơn
    [gt] phải lớn hơn
   *[other] phải bằng
} { $right } (quy tắc { $keys }).
campaign-problem-date-required = Cần ghi ngày, ví dụ /baocao { $example }
campaign-problem-date-not-asked = Nội dung này không ghi ngày; xin bỏ ngày đi.
campaign-problem-date = { $problem ->
    [not-a-date] Ngày "{ $value }" không có thật
   *[format] Chưa đọc được ngày "{ $value }"
}; ghi theo dạng ngày/tháng/năm, ví dụ 05/12/2026.
campaign-problem-date-in-future = Ngày { $date } chưa tới: chỉ báo cáo việc đã diễn ra.
campaign-problem-unexpected = Không hiểu "{ $value }": ngày ghi ngay sau nội dung, các số liệu ghi dạng khóa=giá_trị.
campaign-congress-button = Đại hội

## /tiendo KEY: a campaign in the viewer's units

campaign-screen-scope = 📊 { $unit } ({ $code })
campaign-screen-overdue-title = Quá hạn ({ $count } đơn vị):
campaign-screen-overdue-line = { $index }. { $unit }: { $items }
campaign-screen-overdue-item = { $milestone } quá hạn { $days } ngày
campaign-screen-more = … và { $count } đơn vị khác (xem đủ trong tệp xuất Excel).
campaign-screen-unknown = Không có đợt "{ $value }" đang mở. Các đợt đang mở: { $keys }. Ví dụ: /tiendo { $example }
campaign-screen-list = Các đợt khác đang mở, xem bằng: { $commands }

## A campaign's export (export --campaign KEY)

campaign-export-sheet = { $sheet ->
    [figures] Tổng hợp
   *[units] Đơn vị
}
campaign-export-column = { $column ->
    [scope] Phạm vi
    [figure] Chỉ tiêu
    [count] Số lượng
    [total] Trên tổng số
    [share] Tỷ lệ
   *[standing] Tình trạng
}
campaign-export-standing = { $standing ->
    [done] Hoàn thành
    [overdue] Quá hạn
    [paused] Tạm dừng
   *[onTrack] Đang thực hiện
}
campaign-export-unknown = không có đợt "{ $value }" đang mở; các đợt đang mở: { $keys }
campaign-export-summary = Đã xuất { $units } đơn vị và { $figures } chỉ tiêu tổng hợp.

## The web's campaign pages

web-campaigns = Các đợt khác đang mở
web-campaign-report = 📝 Báo cáo: { $campaign }
web-campaign-title = { $unit } — { $campaign }
web-campaign-back = ← Về đợt { $campaign }
web-campaign-date = { $milestone }: ngày
web-campaign-not-asked = Đợt này không yêu cầu { $unit } báo cáo.
web-campaign-unknown = Không có đợt này, hoặc đợt đã kết thúc.

## /trogiup: each other open campaign

help-campaign =
    <b>{ $campaign }</b> (mã đợt { $key }; xem tiến độ: /tiendo { $key }; tệp Excel: /xuat { $key })
    { $lines }
web-campaign-export = ⬇ Tải tệp Excel: { $campaign }
