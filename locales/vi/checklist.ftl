## A unit's checklist (/trangthai, /tiendo, after a report, the greeting): one state per milestone

check-done = ✅ { $milestone } — { $date }{ $late ->
    [done] {" "}(hoàn thành sau hạn { $due })
    [reported] {" "}(báo cáo ngày { $reported }, sau hạn { $due }; việc hoàn thành đúng hạn)
   *[no] {""}
}
check-closed = ☑️ { $milestone } — coi như hoàn thành ({ $by ->
    [held] đã tổ chức đại hội
    [scheduled] đã ấn định ngày đại hội
    [documents] đã có dự thảo văn kiện
    [personnel] đã có phương án nhân sự
   *[other] đã báo cáo mốc sau
})
check-paused = ⏸ { $milestone } — tạm dừng nhắc (đơn vị hoãn đại hội){ $date ->
    [none] {""}
   *[other] , hạn { $date }
}
check-overdue = ⚠️ { $milestone } — quá hạn { $days } ngày (hạn { $date })
check-due = ⏳ { $milestone } — hạn { $date }{ $days ->
    [0] {" "}(hôm nay là hạn)
   *[other] {" "}(còn { $days } ngày)
}
check-no-deadline = ⏳ { $milestone }

milestone-short = { $milestone ->
    [plan] kế hoạch
    [documents] văn kiện
    [personnel] nhân sự
    [scheduled] ấn định ngày
   *[held] đại hội
}
