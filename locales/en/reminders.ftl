## The `reminders` section of the org file (docs/org-file.md)

org-problem-whole-number = "{ $value }" is not a whole number from { $min } to { $max }
org-problem-reminder-time = time "{ $value }" is not valid; write a time of day like 08:00
org-problem-holiday-format = "{ $value }" is not a date or a date range; write 2026-04-30 or 2026-02-14..2026-02-22
org-problem-holiday-order = the range "{ $value }" ends before it starts; write the first day first, e.g. 2026-02-14..2026-02-22
org-problem-holiday-too-long = the range "{ $value }" is longer than 31 days; list each holiday on its own
org-problem-repeated-value = "{ $value }" is listed twice
cli-org-reminders-set = • reminders: { $daysBefore ->
    [none] none before the deadline
   *[other] { $daysBefore } day(s) before the deadline
}; { $overdueEvery ->
    [0] none once overdue
   *[other] every { $overdueEvery } day(s) overdue
}; at { $time }; days off: { $daysOff ->
    [none] none
   *[other] { $daysOff }
}; public holidays: { $publicHolidays ->
    [off] working days
   *[other] days off
}; holidays: { $holidays ->
    [none] none
   *[other] { $holidays }
}
cli-org-reminders-default = • reminders: back to the defaults (7, 3, 1, 0 days before; every 3 days overdue; at 08:00; Sundays and Vietnam's public holidays off)
