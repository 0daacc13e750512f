## A unit's checklist (/status, /progress, after a report, the greeting): one state per milestone

check-done = ✅ { $milestone } — { $date }{ $late ->
    [done] {" "}(done after the deadline { $due })
    [reported] {" "}(reported on { $reported }, after the deadline { $due }; done on time)
   *[no] {""}
}
check-closed = ☑️ { $milestone } — taken as done ({ $by ->
    [held] the congress was held
    [scheduled] the congress date is set
    [documents] the draft documents are done
    [personnel] the personnel plan is done
   *[other] a later milestone is reported
})
check-paused = ⏸ { $milestone } — reminders paused (congress postponed){ $date ->
    [none] {""}
   *[other] , due { $date }
}
check-overdue = ⚠️ { $milestone } — overdue by { $days } { $days ->
    [one] day
   *[other] days
} (due { $date })
check-due = ⏳ { $milestone } — due { $date }{ $days ->
    [0] {" "}(today)
    [one] {" "}(1 day left)
   *[other] {" "}({ $days } days left)
}
check-no-deadline = ⏳ { $milestone }

milestone-short = { $milestone ->
    [plan] plan
    [documents] documents
    [personnel] personnel
    [scheduled] date set
   *[held] congress
}
