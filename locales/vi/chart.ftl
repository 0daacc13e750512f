## Progress chart (digest photo, /tiendo)

chart-title = Tiến độ đại hội — { $unit }
chart-subtitle = Ngày { $date } • { $scope ->
    [grassroots] chi bộ đã đại hội theo từng tổ chức cơ sở đảng ({ $count })
    [grassroots-own] đại hội của từng tổ chức cơ sở đảng ({ $count })
   *[children] chi bộ đã đại hội theo từng đơn vị trực thuộc ({ $count })
}
chart-deadline = Hạn chót đại hội { $level ->
    [cell] chi bộ
    [partial] đảng bộ bộ phận
    [grassroots] cơ sở
    [district] cấp huyện
   *[province] cấp tỉnh
}: { $date } — { $state ->
    [today] hôm nay
    [passed] quá hạn { $days } ngày
   *[ahead] còn { $days } ngày
}
chart-grassroots-cells = Các chi bộ cơ sở ({ $count } đơn vị)
chart-direct-cells = Các chi bộ trực thuộc ({ $count } chi bộ)
chart-state = { $state ->
    [held] đã đại hội
    [scheduled] đã có lịch
   *[not-scheduled] chưa có lịch
}
chart-legend-held = Đã đại hội
chart-legend-scheduled = Đã có lịch
chart-legend-not-scheduled = Chưa có lịch
chart-count = { $held }/{ $total } • { $share }
chart-more = …và { $count } đơn vị khác có tiến độ cao hơn
chart-empty = Chưa có đơn vị nào để hiển thị.
chart-caption = 📊 Biểu đồ tiến độ đại hội — { $unit }, ngày { $date }
