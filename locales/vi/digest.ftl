## Daily digest (standing committee group)

digest-title = 📊 TIẾN ĐỘ ĐẠI HỘI — { $unit }
digest-updated = Cập nhật { $time } ngày { $date } ({ $weekday ->
    [1] thứ Hai
    [2] thứ Ba
    [3] thứ Tư
    [4] thứ Năm
    [5] thứ Sáu
    [6] thứ Bảy
   *[0] Chủ nhật
})
digest-cells = Chi bộ trực thuộc đảng ủy cơ sở: { $done }/{ $total } ({ $share }) đã đại hội{ $delta ->
    [0] {""}
   *[other] {"  "}▲ +{ $delta } so với hôm qua
}
digest-grassroots = Tổ chức cơ sở đảng: { $done }/{ $total } đã đại hội{ $pilots ->
    [none] {""}
   *[other] {" "}(đại hội điểm: { $pilots })
}
digest-preparation = Dự thảo báo cáo chính trị, kiểm điểm: { $documents } • Phương án nhân sự: { $personnel }
digest-laggards-title = Chậm nhất (chi bộ đã đại hội / tổng):
digest-laggard = • { $name }: { $done }/{ $total } ({ $share }){ $difficulty ->
    [yes] {" "}— có khó khăn
   *[no] {""}
}
digest-more = …và { $count } đơn vị khác (/tiendo để xem đủ)
digest-upcoming-title = Sắp đại hội (7 ngày tới):
digest-upcoming = • { $date } { $name }{ $pilot ->
    [yes] {" "}(đại hội điểm)
   *[no] {""}
}
digest-upcoming-count = • { $date }: { $count } đơn vị
digest-upcoming-none = Sắp đại hội (7 ngày tới): không có.
digest-overdue-none = Quá hạn: không có.
digest-overdue-title = Quá hạn ({ $count } đơn vị có mốc quá hạn):
digest-overdue-unit = • { $unit }
digest-overdue-members = { $count } { $cells ->
    [yes] chi bộ
   *[no] đơn vị
}
digest-overdue-group = • { $unit }{ $self ->
    [yes] {" "}và { $members }
   *[no] : { $members }
}{ $names ->
    [none] {""}
   *[other] {" "}({ $names })
}
digest-overdue-more = …và { $count } đơn vị khác (/tiendo, bộ lọc "Quá hạn")
digest-pilots-passed = Đại hội điểm đã qua ngày dự kiến, chưa báo cáo: { $list }.
digest-deadline = Hạn chót { $level ->
    [cell] chi bộ
    [partial] đảng bộ bộ phận
    [grassroots] cơ sở
    [district] cấp huyện
   *[province] cấp tỉnh
}: { $date } (còn { $days } ngày).
digest-difficulties-none = Khó khăn đang mở: không.
digest-difficulties = Khó khăn đang mở ({ $count }): { $list }.
