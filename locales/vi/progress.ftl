## Progress at a glance (/tiendo) and election statistics

progress-command = Tiến độ đại hội theo đơn vị, xem từng cấp
help-progress = /tiendo [MÃ] — tiến độ đại hội của đơn vị và các đơn vị trực thuộc, bấm nút để xem từng cấp, lọc đơn vị chưa đại hội, quá hạn, có khó khăn (tiếng Anh: /progress)
progress-title = 📊 Tiến độ — { $unit } ({ $code })
progress-home-title = 📊 Tiến độ — các đơn vị đồng chí theo dõi ({ $count })
progress-date = Cập nhật ngày { $date }{ $filter ->
    [none] {""}
   *[other] {" "}• lọc: { $filter }
}
progress-level = { $kind ->
    [province] Đảng bộ tỉnh
    [district] Đảng bộ quận, huyện
    [grassroots] Tổ chức cơ sở đảng
    [committees] trong đó đảng bộ cơ sở
    [cells] trong đó chi bộ cơ sở
    [partial] Đảng bộ bộ phận
   *[cell] Chi bộ trực thuộc
}
progress-level-line = { $label }: { $held }/{ $total } ({ $share }) đã đại hội • { $scheduled } đã có lịch • { $notScheduled } chưa có lịch{ $overdue ->
    [0] {""}
   *[other] {" "}• ⚠️ quá hạn { $overdue }
}{ $paused ->
    [0] {""}
   *[other] {" "}• ⏸ hoãn { $paused }
}
progress-preparation = Dự thảo báo cáo chính trị, kiểm điểm: { $documents } • Phương án nhân sự: { $personnel }
progress-difficulties-none = Khó khăn đang mở: không.
progress-difficulties = Khó khăn đang mở: { $count } (ở { $units } đơn vị).
progress-own-held = Đại hội của đơn vị: ✅ đã tổ chức ngày { $date }.
progress-own-scheduled = Đại hội của đơn vị: 📅 dự kiến ngày { $date }.
progress-own-overdue = Đại hội của đơn vị: ⚠️ quá hạn { $list }{ $date ->
    [none] .
   *[other] ; dự kiến đại hội ngày { $date }.
}
progress-own-overdue-item = { $milestone } ({ $days } ngày)
progress-own-paused = Đại hội của đơn vị: ⏸ đã hoãn (tạm dừng nhắc việc).
progress-own-due = Đại hội của đơn vị: ⏳ chưa tổ chức{ $date ->
    [none] .
   *[other] {" "}(hạn { $date }).
}
progress-list-title = { $filter ->
    [none] Đơn vị trực thuộc
   *[other] Đơn vị trực thuộc khớp bộ lọc
} ({ $from }–{ $to }/{ $count }):
progress-home-list-title = { $filter ->
    [none] Đơn vị theo dõi
   *[other] Đơn vị theo dõi khớp bộ lọc
} ({ $from }–{ $to }/{ $count }):
progress-list-empty = Không có đơn vị nào khớp bộ lọc "{ $filter }".
progress-line = { $index }. { $state ->
    [held] ✅
    [scheduled] 📅
    [overdue] ⚠️
    [paused] ⏸
   *[due] ⏳
} { $unit }{ $parts ->
    [none] {""}
   *[other] : { $parts }
}
progress-part-held = đã đại hội { $date }
progress-part-scheduled = đại hội ngày { $date }
progress-part-level = { $level ->
    [cell] chi bộ
    [partial] đảng bộ bộ phận
    [grassroots] cơ sở
    [district] quận, huyện
   *[province] tỉnh
} { $held }/{ $total } ({ $share })
progress-part-pilot = đại hội điểm dự kiến { $date }
progress-part-pilot-passed = đại hội điểm dự kiến { $date }, đã qua ngày chưa báo cáo
progress-part-overdue = quá hạn { $count }
progress-part-difficulties = khó khăn { $count }
progress-filter = { $filter ->
    [all] Tất cả
    [notHeld] Chưa đại hội
    [overdue] Quá hạn
   *[difficulties] Có khó khăn
}
progress-button-filter-active = ✓ { $name }
progress-button-prev = ◀ Trước
progress-button-next = Sau ▶
progress-button-page = Trang { $page }/{ $pages }
progress-button-up = ⬆ { $unit }
progress-button-home = ⬆ Các đơn vị theo dõi
progress-button-chart = 📊 Biểu đồ
progress-leaf-parent = Trực thuộc: { $parent }
progress-leaf-difficulties = Khó khăn đang mở: { $count ->
    [0] không.
   *[other] { $count }.
}
progress-no-campaign = Chưa có đợt đại hội nào đang diễn ra.
progress-not-allowed =
    Đồng chí chưa được giao theo dõi đơn vị nào (bí thư, phó bí thư, người báo cáo, tổ trưởng Tổ công tác, Ban Thường vụ hoặc quản trị), nên chưa xem được tiến độ.
    Cần hỗ trợ, liên hệ Văn phòng cấp ủy.
progress-usage = Cách dùng: /tiendo hoặc /tiendo MÃ_ĐƠN_VỊ, ví dụ /tiendo GT-07.
progress-unknown-code = Không có đơn vị mã "{ $code }". Kiểm tra lại mã, ví dụ /tiendo GT-07.
progress-out-of-scope = Đồng chí không được xem tiến độ của { $unit } ({ $code }). Gõ /tiendo để xem các đơn vị đồng chí theo dõi.
progress-group-out-of-scope = Nhóm này liên kết với { $unit } ({ $code }), nên chỉ xem được tiến độ của đơn vị đó và các đơn vị trực thuộc.
progress-button-stale = Nút này không còn dùng được, hoặc đồng chí không có quyền xem đơn vị này. Gõ /tiendo để xem lại.

election-title = Kết quả bầu cử ({ $count } đại hội đã tổ chức):
election-level = • { $label } ({ $count }): cấp ủy trúng cử { $elected }/{ $planned } ({ $share }); bầu đủ { $full }, bầu thiếu { $short }{ $missing ->
    [0] {""}
   *[other] ; { $missing } đại hội chưa báo cáo số liệu
}
election-people = {"   "}Nữ { $women } ({ $womenShare }) • dưới 35 tuổi { $young } ({ $youngShare }) • tái cử { $reElected } ({ $reElectedShare }) • mới { $fresh } ({ $freshShare })
election-direct = Bí thư bầu trực tiếp: { $yes }/{ $known }
election-one-round = Bầu một lần đủ: { $yes }/{ $known }
election-delegates = Đại biểu dự đại hội cấp trên: { $elected } được bầu{ $exOfficio ->
    [none] {""}
   *[other] , { $exOfficio } đương nhiên
}
election-count = { $field ->
    [agedThirtyFiveToFifty] từ 35 đến 50 tuổi
    [overFifty] trên 50 tuổi
    [postgraduate] trình độ trên đại học
    [graduate] cao đẳng, đại học
    [theoryAdvanced] lý luận chính trị cao cấp, cử nhân
   *[theoryIntermediate] trung cấp lý luận chính trị
} { $count } ({ $share })
election-make-up = Cơ cấu: { $parts }
election-standing = Ban Thường vụ { $count }{ $women ->
    [none] {""}
   *[other] , trong đó nữ { $women } ({ $share })
}
election-vote-shares = Tỷ lệ phiếu trúng cử: thấp nhất { $lowest }, cao nhất { $highest }
election-attendance = Có mặt { $present }/{ $summoned } được triệu tập ({ $share })
election-no-results = • { $label } ({ $count }): chưa báo cáo kết quả bầu cử
election-short = Bầu thiếu cấp ủy: { $list }{ $more ->
    [0] .
   *[other] {" "}và { $more } đơn vị khác.
}
election-short-unit = { $name } ({ $elected }/{ $planned })
