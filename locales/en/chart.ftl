## Progress chart (digest photo, /tiendo)

chart-title = Congress progress — { $unit }
chart-subtitle = { $date } • { $scope ->
    [grassroots-own] each grassroots organisation's own congress ({ $count })
    [grassroots] cells that held their congress, per grassroots organisation ({ $count })
   *[children] cells that held their congress, per unit below ({ $count })
}
chart-deadline = Deadline for { $level ->
    [cell] cell
    [partial] partial committee
    [grassroots] grassroots
    [district] district
   *[province] province
} congresses: { $date } — { $state ->
    [today] today
    [passed] { $days } days overdue
   *[ahead] { $days } days left
}
chart-grassroots-cells = Grassroots cells ({ $count } units)
chart-direct-cells = Cells directly under it ({ $count } cells)
chart-state = { $state ->
    [held] held
    [scheduled] date set
   *[not-scheduled] no date yet
}
chart-legend-held = Held
chart-legend-scheduled = Scheduled
chart-legend-not-scheduled = Not scheduled
chart-count = { $held }/{ $total } • { $share }
chart-more = …and { $count } more units further ahead
chart-empty = No units to show yet.
chart-caption = 📊 Congress progress chart — { $unit }, { $date }
