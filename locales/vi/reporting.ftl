## Reporting (/baocao)

command-report = Báo cáo tiến độ đại hội của đơn vị
report-private-only = Báo cáo chỉ thực hiện trong tin nhắn riêng với Trợ lý, để thông tin của đơn vị không hiện trong nhóm.
report-no-units = Đồng chí chưa được giao đơn vị nào để báo cáo. Liên hệ Văn phòng cấp ủy để nhận mã mời.
report-not-allowed = Đồng chí không có quyền báo cáo cho { $unit }. Mỗi đồng chí chỉ báo cáo cho đơn vị mình được giao.
report-unknown-unit = Không có đơn vị mã "{ $code }". Kiểm tra lại mã, ví dụ: /baocao GT-01 daihoi 04/03/2020 …
report-no-campaign = Chưa có đợt đại hội nào đang diễn ra, nên chưa thể báo cáo.
report-choose-unit = Đồng chí báo cáo cho đơn vị nào?
report-type-unit = Đồng chí phụ trách nhiều đơn vị. Gõ mã đơn vị cần báo cáo (ví dụ { $example }), hoặc dùng: /baocao MÃ_ĐƠN_VỊ
report-choose-milestone = { $unit }: đồng chí báo cáo nội dung nào?
report-milestone-button = { $done ->
    [yes] ✅ { $name }
   *[no] { $name }
}
report-ask-date = { $milestone ->
    [plan] Kế hoạch đại hội được ban hành ngày nào?
    [documents] Dự thảo báo cáo chính trị, kiểm điểm hoàn thành ngày nào?
    [personnel] Phương án nhân sự được cấp trên phê duyệt ngày nào?
    [scheduled] Đại hội được ấn định vào ngày nào?
   *[held] Đại hội đã tổ chức ngày nào?
} Gõ ngày/tháng/năm (ví dụ { $example }), { $milestone ->
    [scheduled] "hôm nay", "mai"
   *[other] "hôm nay", "hôm qua"
}, hoặc chọn trên lịch.
report-start-title = { $unit } — { $milestone }
report-today-button = Hôm nay ({ $date })
report-other-day-button = { $day ->
    [tomorrow] Mai ({ $date })
   *[yesterday] Hôm qua ({ $date })
}
report-calendar-month = Tháng { $month }/{ $year }
report-weekdays = T2 T3 T4 T5 T6 T7 CN
report-date-format = Chưa đọc được ngày "{ $value }". Nhập theo dạng ngày/tháng/năm, ví dụ { $example }.
report-date-not-real = Ngày "{ $value }" không có thật. Nhập theo dạng ngày/tháng/năm, ví dụ { $example }.
report-held-in-future = Ngày đại hội { $date } còn ở phía trước. Chỉ báo cáo "đã tổ chức" khi đại hội đã diễn ra; nếu mới ấn định ngày, chọn "Ấn định ngày đại hội".
report-scheduled-in-past = Ngày { $date } đã qua. Ngày đại hội ấn định phải từ hôm nay trở đi; nếu đại hội đã diễn ra, chọn "Tổ chức đại hội".
report-done-in-future = Ngày { $date } chưa tới. Chỉ báo cáo việc đã hoàn thành, ngày không muộn hơn hôm nay.
report-outside-campaign = Ngày { $date } nằm ngoài thời gian của đợt đại hội này: chỉ nhận ngày từ { $from } đến { $to }. Đồng chí kiểm tra lại ngày, nhất là năm.
report-ask-numbers = Nhập các số, cách nhau bằng dấu cách: { $fields }. Ví dụ: { $example }
    Bắt buộc hai số đầu; số nào chưa rõ thì bỏ ở cuối, hoặc gõ dấu - vào chỗ của số đó.
report-ask-composition = Cơ cấu cấp ủy viên trúng cử. Nhập các số, cách nhau bằng dấu cách: { $fields }. Ví dụ: { $example }
    Số nào chưa rõ thì gõ dấu - vào chỗ của số đó, hoặc bấm "Bỏ qua" nếu không báo cáo phần này.
report-ask-votes = Tỷ lệ phiếu bầu của người trúng cử (%), cách nhau bằng dấu cách: { $fields }. Ví dụ: { $example }
    Số thập phân ghi bằng dấu phẩy, tối đa hai chữ số; bấm "Bỏ qua" nếu không báo cáo phần này.
report-ask-attendance = Nhập các số về đại biểu và người dự đại hội, cách nhau bằng dấu cách: { $fields }. Ví dụ: { $example }
    Có thể chỉ nhập số đầu, hoặc bấm "Bỏ qua" nếu không báo cáo phần này.
report-ask-number = { $question } (từ { $min } đến { $max })
report-numbers-not-a-number = "{ $value }" không phải là số. { $single ->
    [yes] Nhập một số nguyên, ví dụ: { $example }
    [share] Nhập tỷ lệ phần trăm, tối đa hai chữ số thập phân, ví dụ: { $example }
    [shares] Nhập các tỷ lệ phần trăm (tối đa hai chữ số thập phân), cách nhau bằng dấu cách, ví dụ: { $example }
   *[no] Nhập các số nguyên, cách nhau bằng dấu cách, ví dụ: { $example }
}
report-numbers-too-few = Cần nhập { $fields } (bắt buộc). Ví dụ: { $example }
report-numbers-too-many = Đồng chí nhập { $given } số, nhiều hơn { $count } số cần có. Ví dụ: { $example }
report-numbers-retry = { $single ->
    [yes] Nhập lại số này, ví dụ: { $example }
   *[no] Nhập lại các số, cách nhau bằng dấu cách, ví dụ: { $example }
}
report-yes-no-invalid = Đồng chí bấm "Có" hoặc "Không" (hoặc gõ có/không).
report-question = { $field ->
    [committeePlanned] { $committee ->
        [cell] Số chi ủy viên theo đề án được duyệt?
       *[executive] Số ủy viên Ban chấp hành theo đề án được duyệt?
    }
    [committeeElected] { $committee ->
        [cell] Số chi ủy viên trúng cử?
       *[executive] Số ủy viên Ban chấp hành trúng cử?
    }
    [standingElected] Số ủy viên Ban Thường vụ được bầu?
    [women] { $committee ->
        [cell] Trong số chi ủy viên trúng cử, bao nhiêu đồng chí nữ?
       *[executive] Trong số ủy viên Ban chấp hành trúng cử, bao nhiêu đồng chí nữ?
    }
    [underThirtyFive] { $committee ->
        [cell] Trong số chi ủy viên trúng cử, bao nhiêu đồng chí dưới 35 tuổi?
       *[executive] Trong số ủy viên Ban chấp hành trúng cử, bao nhiêu đồng chí dưới 35 tuổi?
    }
    [reElected] { $committee ->
        [cell] Trong số chi ủy viên trúng cử, bao nhiêu đồng chí tái cử?
       *[executive] Trong số ủy viên Ban chấp hành trúng cử, bao nhiêu đồng chí tái cử?
    }
    [secretaryDirect] { $committee ->
        [cell] Bí thư chi bộ có được đại hội bầu trực tiếp không?
       *[executive] Bí thư đảng ủy có được đại hội bầu trực tiếp không?
    }
    [oneRound] { $committee ->
        [cell] Chi ủy có được bầu đủ ngay trong một lần bỏ phiếu không?
       *[executive] Ban chấp hành có được bầu đủ ngay trong một lần bỏ phiếu không?
    }
    [agedThirtyFiveToFifty] Trong số cấp ủy viên trúng cử, bao nhiêu đồng chí từ 35 đến 50 tuổi?
    [overFifty] Trong số cấp ủy viên trúng cử, bao nhiêu đồng chí trên 50 tuổi?
    [postgraduate] Trong số cấp ủy viên trúng cử, bao nhiêu đồng chí có trình độ trên đại học?
    [graduate] Trong số cấp ủy viên trúng cử, bao nhiêu đồng chí có trình độ cao đẳng, đại học?
    [theoryAdvanced] Trong số cấp ủy viên trúng cử, bao nhiêu đồng chí có trình độ lý luận chính trị cao cấp, cử nhân?
    [theoryIntermediate] Trong số cấp ủy viên trúng cử, bao nhiêu đồng chí có trình độ trung cấp lý luận chính trị?
    [standingWomen] Trong số ủy viên Ban Thường vụ, bao nhiêu đồng chí nữ?
    [lowestVoteShare] Tỷ lệ phiếu bầu thấp nhất của người trúng cử (%)?
    [highestVoteShare] Tỷ lệ phiếu bầu cao nhất của người trúng cử (%)?
    [delegates] Số đại biểu được bầu đi dự đại hội cấp trên?
    [delegatesExOfficio] Số đại biểu đương nhiên dự đại hội cấp trên?
    [summoned] { $committee ->
        [cell] Số đảng viên được triệu tập dự đại hội?
       *[executive] Số đại biểu được triệu tập dự đại hội?
    }
   *[present] { $committee ->
        [cell] Số đảng viên có mặt tại đại hội?
       *[executive] Số đại biểu có mặt tại đại hội?
    }
}
report-number-name = { $field ->
    [committeePlanned] { $committee ->
        [cell] số chi ủy viên theo đề án
       *[executive] số ủy viên Ban chấp hành theo đề án
    }
    [committeeElected] số trúng cử
    [women] số nữ
    [underThirtyFive] số dưới 35 tuổi
    [reElected] số tái cử
    [standingElected] số ủy viên Ban Thường vụ
    [standingWomen] số nữ trong Ban Thường vụ
    [agedThirtyFiveToFifty] số từ 35 đến 50 tuổi
    [overFifty] số trên 50 tuổi
    [postgraduate] số có trình độ trên đại học
    [graduate] số có trình độ cao đẳng/đại học
    [theoryAdvanced] số có lý luận chính trị cao cấp/cử nhân
    [theoryIntermediate] số có trung cấp lý luận chính trị
    [lowestVoteShare] tỷ lệ phiếu thấp nhất
    [highestVoteShare] tỷ lệ phiếu cao nhất
    [delegates] số đại biểu được bầu đi dự đại hội cấp trên
    [delegatesExOfficio] số đại biểu đương nhiên
    [summoned] { $committee ->
        [cell] số đảng viên được triệu tập
       *[executive] số đại biểu được triệu tập
    }
   *[present] { $committee ->
        [cell] số đảng viên có mặt
       *[executive] số đại biểu có mặt
    }
}
report-yes = Có
report-no = Không
report-skip = Bỏ qua
report-clear = Để trống
report-back = ‹ Quay lại
report-edit-menu = Chọn mục cần sửa; các mục khác giữ nguyên. Chưa có gì được ghi cho đến khi đồng chí bấm "✅ Xác nhận".
report-edit-entry = { $field }: { $value }
report-confirm = ✅ Xác nhận
report-edit = ✏️ Sửa
report-cancel = ✖️ Hủy
report-card-title = Xác nhận báo cáo — { $unit }{ $parent ->
    [none] {""}
   *[other] {" "}({ $parent })
}
report-card-milestone = { $milestone ->
    [plan] Kế hoạch đại hội: ban hành ngày { $date }
    [documents] Dự thảo báo cáo chính trị, kiểm điểm: hoàn thành ngày { $date }
    [personnel] Phương án nhân sự: được cấp trên phê duyệt ngày { $date }
    [scheduled] Ngày đại hội đã ấn định: { $date }
   *[held] Đã tổ chức đại hội: { $date }
}
report-card-committee = { $committee ->
    [cell] Chi ủy
   *[executive] Ban chấp hành
}: bầu { $elected }/{ $planned } ({ $full ->
    [yes] đủ
   *[no] thiếu
})
report-card-women = nữ { $count } ({ $share })
report-card-young = dưới 35 tuổi { $count } ({ $share })
report-card-re-elected = tái cử { $count }, tham gia lần đầu { $newMembers }
report-card-standing = Ban Thường vụ: { $count } đồng chí{ $women ->
    [none] {""}
   *[other] , nữ { $women }
}
report-card-secretary-direct = Bí thư bầu trực tiếp tại đại hội: { $answer ->
    [yes] có
   *[no] không
}
report-card-one-round = Bầu đủ trong một lần: { $answer ->
    [yes] có
   *[no] không
}
report-card-delegates = Đại biểu đi dự đại hội cấp trên: { $count }{ $exOfficio ->
    [none] {""}
   *[other] {" "}được bầu, { $exOfficio } đương nhiên
}
report-card-attendance = { $committee ->
    [cell] Đảng viên có mặt
   *[executive] Đại biểu có mặt
}: { $present }/{ $summoned }
report-card-note = Ghi chú: { $note }
report-card-correction = Sửa báo cáo trước (cũ → mới):
report-card-same = Nội dung giống báo cáo trước; xác nhận sẽ ghi lại một lần nữa.
report-card-change = • { $field }: { $before } → { $after }
report-card-on-behalf = Báo cáo thay cho đơn vị (Tổ công tác / Văn phòng).
report-card-late = { $done ->
    [late] Hoàn thành sau hạn { $date }: vẫn được ghi nhận, đánh dấu hoàn thành muộn.
   *[onTime] Báo cáo sau hạn { $date }, việc hoàn thành đúng hạn: vẫn được ghi nhận, đánh dấu báo cáo muộn.
}
report-card-saved = ✅ Đã lưu.
report-card-cancelled = ✖️ Đã hủy, chưa ghi gì.
report-saved = Đã lưu báo cáo. Tình hình của đơn vị:
report-cancelled = Đã hủy báo cáo; không có gì được ghi.
report-expired = Phiên báo cáo đã hết hạn (quá { $minutes } phút không thao tác), chưa có gì được ghi. Gõ /baocao để bắt đầu lại.
report-stale-button = Nút này đã cũ. Đồng chí dùng tin nhắn mới nhất, hoặc gõ /baocao để bắt đầu lại.
report-text-too-long = Nội dung quá dài (tối đa { $max } ký tự).
report-field-date = Ngày
report-field-name = { $field ->
    [committeePlanned] Số ủy viên theo đề án
    [committeeElected] Số ủy viên trúng cử
    [standingElected] Ban Thường vụ
    [standingWomen] Nữ trong Ban Thường vụ
    [women] Số nữ
    [underThirtyFive] Số dưới 35 tuổi
    [agedThirtyFiveToFifty] Số từ 35 đến 50 tuổi
    [overFifty] Số trên 50 tuổi
    [reElected] Số tái cử
    [postgraduate] Trình độ trên đại học
    [graduate] Trình độ cao đẳng, đại học
    [theoryAdvanced] Lý luận chính trị cao cấp, cử nhân
    [theoryIntermediate] Trung cấp lý luận chính trị
    [secretaryDirect] Bí thư bầu trực tiếp
    [oneRound] Bầu đủ trong một lần
    [lowestVoteShare] Tỷ lệ phiếu thấp nhất
    [highestVoteShare] Tỷ lệ phiếu cao nhất
    [delegates] Đại biểu dự đại hội cấp trên
    [delegatesExOfficio] Đại biểu đương nhiên
    [summoned] Số được triệu tập
    [present] Số có mặt
   *[note] Ghi chú
}
report-yes-no = { $answer ->
    [yes] có
   *[no] không
}

## Reporting: problems in the one-line form and in results

report-line-problems = Chưa ghi được báo cáo:
report-line-empty = Cách dùng: /baocao để được hướng dẫn từng bước, hoặc một dòng: /baocao [MÃ_ĐƠN_VỊ] NỘI_DUNG [ngày] [khóa=giá_trị …], ví dụ /baocao daihoi 04/03/2020 bch=15/15 nu=4 tre=2 taicu=10
report-line-unknown-milestone = "{ $value }" không phải nội dung báo cáo. Dùng một trong: kehoach, vankien, nhansu, lich, daihoi (hoặc plan, documents, personnel, scheduled, held).
report-line-unknown-key = Không có khóa "{ $value }". Các khóa: bch, btv, btvnu, nu, tre, tu35, tren50, taicu, trendh, daihoc, caocap, trungcap, bttructiep, motlan, phieuthap, phieucao, daibieu, duongnhien, trieutap, comat, ghichu (xem /trogiup).
report-line-duplicate-key = Khóa "{ $value }" bị ghi hai lần.
report-line-not-a-number = { $key }={ $value }: cần một số, ví dụ { $key }=4.
report-line-not-a-share = { $key }={ $value }: cần tỷ lệ phần trăm, tối đa hai chữ số thập phân, ví dụ { $key }=61,25.
report-line-not-yes-no = { $key }={ $value }: cần "co" hoặc "khong", ví dụ { $key }=co.
report-line-bch-format = bch={ $value }: ghi số trúng cử/số theo đề án, ví dụ bch=15/15.
report-line-results-only-for-held = Khóa "{ $value }" chỉ dùng khi báo cáo đã tổ chức đại hội (daihoi).
report-line-missing-key = Thiếu { $key }: ví dụ { $key ->
    [bch] bch=15/15
    [nu] nu=4
    [tre] tre=2
   *[taicu] taicu=10
}.
report-line-unexpected = Không hiểu "{ $value }": ngày ghi ngay sau nội dung, các số ghi dạng khóa=giá_trị.
report-line-date-required = Cần ghi ngày đại hội, ví dụ 04/03/2020.
report-line-need-unit = Đồng chí phụ trách nhiều đơn vị: ghi mã đơn vị ngay sau /baocao, ví dụ /baocao { $example } …
report-results-required = Cần nhập kết quả bầu cử.
report-standing-for-cell = Chi bộ không bầu Ban Thường vụ: bỏ số ủy viên Ban Thường vụ (btv, btvnu) khỏi báo cáo, ví dụ bch=5/5 nu=2.
report-election-range = { $field }: { $value } nằm ngoài khoảng cho phép (từ { $min } đến { $max }).
report-election-more-than = { $field } ({ $value }) không thể lớn hơn { $limitField } ({ $limit }).
report-election-sum = { $group ->
    [age] Số dưới 35, từ 35 đến 50 và trên 50 tuổi
    [education] Số có trình độ trên đại học và cao đẳng, đại học
   *[theory] Số có lý luận chính trị cao cấp và trung cấp
} cộng lại { $parts } = { $value }, { $exact ->
    [yes] phải bằng
   *[no] không thể lớn hơn
} số ủy viên trúng cử ({ $limit }).
report-election-over-planned = Số ủy viên trúng cử ({ $value }) lớn hơn số theo đề án ({ $limit }). Nếu đúng như vậy, thêm ghichu=… để giải thích.

## Rate limit

rate-limited = Đồng chí gửi quá nhiều tin nhắn trong thời gian ngắn. Vui lòng đợi một phút rồi thử lại.
