## The working-group leader's list (each working morning, and /trangthai)

wg-list-title = { $group } — việc cần đôn đốc hôm nay ({ $date })
wg-list-totals = { $total } { $level ->
    [province] đảng bộ tỉnh
    [district] đảng bộ cấp huyện
    [grassroots] tổ chức cơ sở đảng
    [partial] đảng bộ bộ phận
   *[cell] chi bộ
}: { $done } đã đại hội, { $onTrack } đúng tiến độ, { $overdue } chậm{ $paused ->
    [0] {""}
   *[other] , { $paused } đã hoãn
}
wg-list-nothing = Không có đơn vị nào chậm hay sắp đến hạn mà chưa chuẩn bị.
wg-list-organisation = { $unit } ({ $held }/{ $total } chi bộ đã đại hội):
wg-list-line = • { $unit }{ $parent ->
    [none] {""}
   *[other] {" "}({ $parent })
}: { $reasons }{ $secretary }
wg-list-secretary = {" "}— Bí thư { $name }{ $phone ->
    [none] {""}
   *[other] , { $phone }
}
wg-list-no-secretary = {" "}— chưa có bí thư trong danh sách
wg-reason-final-overdue = quá hạn đại hội { $days } ngày (hạn { $date })
wg-reason-final-soon-undated = { $days ->
    [0] hôm nay là hạn đại hội
   *[other] hạn đại hội { $date } (còn { $days } ngày)
}, chưa ấn định ngày{ $overdue ->
    [0] {""}
   *[other] {" "}(quá hạn { $overdue } ngày)
}
wg-reason-pilot-passed = đại hội điểm dự kiến { $date }, chưa báo cáo
wg-reason-milestone-overdue = { $milestone } quá hạn { $days } ngày
wg-list-more = …và { $count } đơn vị khác cần đôn đốc — /tiendo để xem đủ
wg-list-difficulties-title = Khó khăn đang mở ({ $count }):
wg-list-difficulty = • { $unit } — "{ $text }" ({ $date })
wg-list-difficulty-hidden = • { $unit } — 🔒 đơn thư, khiếu nại, tố cáo: nội dung chỉ Ban Thường vụ và Văn phòng xem được ({ $date })
wg-list-difficulties-more = …và { $count } khó khăn khác — /khokhan để xem đủ
wg-list-paused-title = Đã hoãn ({ $count } đơn vị, tạm dừng nhắc bí thư):
wg-list-paused-line = • { $unit }: hoãn từ { $date } — lý do: { $reason }
wg-list-paused-more = …và { $count } đơn vị khác đã hoãn

## Another campaign's part of the list (the year's review, a resolution's study, the month's meeting)

wg-list-campaign-totals = { $total } { $level ->
    [province] đảng bộ tỉnh
    [district] đảng bộ cấp huyện
    [grassroots] tổ chức cơ sở đảng
    [partial] đảng bộ bộ phận
   *[cell] chi bộ
}: { $done } đã hoàn thành, { $onTrack } đúng tiến độ, { $overdue } chậm
wg-list-organisation-campaign = { $unit } ({ $done }/{ $total } chi bộ đã hoàn thành):
wg-reason-campaign-overdue = { $milestone } quá hạn { $days } ngày (hạn { $date })
wg-list-campaign-more = …và { $count } đơn vị khác chậm — /tiendo { $key } để xem đủ
