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
digest-upcoming-none = Sắp đại hội (7 ngày tới): không có.
digest-overdue-none = Quá hạn: không có.
digest-overdue-title = Quá hạn trên { $days } ngày ({ $count }):
digest-overdue = • { $name }: quá hạn { $days } ngày
digest-deadline = Hạn chót { $level ->
    [cell] chi bộ
    [partial] đảng bộ bộ phận
    [grassroots] cơ sở
    [district] cấp huyện
   *[province] cấp tỉnh
}: { $date } (còn { $days } ngày).
digest-difficulties-none = Khó khăn đang mở: không.
digest-difficulties = Khó khăn đang mở ({ $count }): { $list }.
