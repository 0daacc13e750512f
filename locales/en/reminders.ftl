## Reminders (private messages from the scheduler)

reminder-secretary-greeting = Dear { $name }, secretary of { $unit }{ $parent ->
    [none] {""}
   *[other] {" "}({ $parent })
}.
reminder-secretary-due = { $milestone }: due { $date } ({ $state ->
    [today] today is the last day
    [overdue] { $count } day(s) overdue
   *[left] { $count } day(s) left
}). Your unit has not reported it yet.
reminder-secretary-action = Press /report to report, or /problem to tell the working group about a difficulty.
reminder-group-title = { $group } — to follow up today ({ $date }):
reminder-group-line = • { $unit }{ $parent ->
    [none] {""}
   *[other] , { $parent }
}: { $milestone } { $days } day(s) overdue{ $secretary ->
    [none] {""}
   *[other] {" "}— secretary { $secretary }{ $phone ->
        [none] {""}
       *[other] , { $phone }
    }
}
