## Reminders (private messages from the scheduler)

reminder-secretary-greeting = Kính gửi đồng chí { $name }, Bí thư { $unit }{ $parent ->
    [none] {""}
   *[other] {" "}({ $parent })
}.
reminder-secretary-due = { $milestone }: hạn { $date } ({ $state ->
    [today] hôm nay là hạn cuối
    [overdue] đã quá hạn { $count } ngày
   *[left] còn { $count } ngày
}). Đơn vị chưa báo cáo.
reminder-secretary-action = Bấm /baocao để báo cáo, hoặc /khokhan để báo khó khăn với Tổ công tác.
reminder-group-title = { $group } — việc cần đôn đốc hôm nay ({ $date }):
reminder-group-line = • { $unit }{ $parent ->
    [none] {""}
   *[other] , { $parent }
}: { $milestone } quá hạn { $days } ngày{ $secretary ->
    [none] {""}
   *[other] {" "}— Bí thư { $secretary }{ $phone ->
        [none] {""}
       *[other] , { $phone }
    }
}
