## Pausing reminders for a postponed unit (/postpone, /resume)

reminder-pause-command = Pause reminders for a unit whose congress is postponed
resume-command = Remind a paused unit again
help-reminder-pause =
    /postpone UNIT_CODE REASON — pause reminders for a unit officially allowed to postpone its congress; the working group sees the reason (Vietnamese: /hoan)
    Example: /postpone GT-07 Postponed by letter 15-CV/ĐU until the committee is completed
    /resume UNIT_CODE — remind that unit again (Vietnamese: /tieptuc)
pause-unit = { $unit }{ $parent ->
    [none] {""}
   *[other] {" "}({ $parent })
}
pause-private-only = Reminders are paused in a private chat with the assistant only. Please write to @{ $bot } and send /postpone with the unit code and the reason.
pause-usage = Please write the unit code and the reason right after the command.
pause-example = Example: /postpone GT-07 Postponed by letter 15-CV/ĐU until the committee is completed
pause-unknown-unit = There is no unit with code "{ $code }". Unit codes are shown in /status, or ask the party committee office.
pause-no-reason = Please write the reason after the code { $code }: the working group following the unit will read it.
pause-too-long = The reason is { $length } characters long, over the limit of { $max }. Please shorten it (letter number, main reason) and send it again.
pause-not-allowed =
    { pause-unit } (code { $code }) is not among the units you follow, so you cannot pause or resume its reminders.
    The leader of a working group following it, a standing committee member or an administrator of the unit or above it can.
pause-who-may = { $action ->
    [resume] Only a working group's leader, a standing committee member or an administrator can have a unit reminded again.
   *[pause] Only a working group's leader, a standing committee member or an administrator can pause a unit's reminders.
}
pause-ask-group = Please tell the working group in charge of { pause-unit } (code { $code }): { $groups }.
pause-ask-office = Please tell the party committee office about { pause-unit } (code { $code }): no working group follows this unit yet.
pause-ask-anyone = Please tell the working group in charge of the unit, or the party committee office.
pause-group-contact = { $group }{ $leader ->
    [none] {""}
   *[other] {" "}— leader { $leader }{ $phone ->
        [none] {""}
       *[other] , { $phone }
    }
}
pause-done =
    Reminders for { pause-unit } (code { $code }) are paused from { $since }.
    Reason: { $reason }
    The unit's secretary gets no more reminders; the working group sees the unit under "Postponed" with the reason.
    When the unit is back on track, send /resume { $code }.
pause-already =
    Reminders for { pause-unit } (code { $code }) have been paused since { $since }{ $by ->
        [none] {""}
       *[other] {" "}(by { $by })
    }.
    Reason: { $reason }
    To remind it again, send /resume { $code }.
resume-usage = Please write the code of the unit to remind again right after the command.
resume-example = Example: /resume GT-07
resume-done =
    Reminders for { pause-unit } (code { $code }) are back on; they had been paused since { $since }, reason: { $reason }
    The unit's secretary gets the next reminder due.
resume-not-paused = Reminders for { pause-unit } (code { $code }) are not paused; no need to resume.
status-pause-line = ⏸ Reminders paused since { $since }: { $reason }
