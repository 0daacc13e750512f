## The secretary's daily reminder (one message a day at most, everything due in it)

reminder-to-one = Kính gửi đồng chí { $name }, Bí thư { $unit }{ $parent ->
    [none] {""}
   *[other] {" "}({ $parent })
}.
reminder-to-many = Kính gửi đồng chí { $name }.
reminder-unit = { $unit }{ $parent ->
    [none] {""}
   *[other] {" "}({ $parent })
}:
reminder-item = • { $milestone }: hạn { $date }{ $state ->
    [today] , hôm nay là hạn cuối
    [overdue] , đã quá hạn { $count } ngày
   *[left] {" "}(còn { $count } ngày)
}.
reminder-action = { $units ->
    [one] Đơn vị
   *[other] Các đơn vị
} chưa báo cáo các nội dung trên. Bấm nút bên dưới để báo cáo ngay, hoặc /khokhan để báo khó khăn với Tổ công tác.
reminder-button = 📝 { $milestone }{ $unit ->
    [none] {""}
   *[other] {" "}— { $unit }
}
reminder-campaign = 📋 { $campaign }:
reminder-congress = 📋 Đại hội:
