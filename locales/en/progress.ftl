## Progress at a glance (/tiendo) and election statistics

progress-command = Congress progress by unit, level by level
help-progress = /progress [CODE] — congress progress of a unit and the units under it, with buttons to go down level by level and filters for not held, overdue, with difficulties (Vietnamese: /tiendo)
progress-title = 📊 Progress — { $unit } ({ $code })
progress-home-title = 📊 Progress — the units you follow ({ $count })
progress-date = As of { $date }{ $filter ->
    [none] {""}
   *[other] {" "}• filter: { $filter }
}
progress-level = { $kind ->
    [province] Provincial committees
    [district] District committees
    [grassroots] Grassroots organisations
    [committees] of which grassroots committees
    [cells] of which grassroots cells
    [partial] Partial committees
   *[cell] Cells
}
progress-level-line = { $label }: { $held }/{ $total } ({ $share }) held • { $scheduled } scheduled • { $notScheduled } not scheduled{ $overdue ->
    [0] {""}
   *[other] {" "}• ⚠️ { $overdue } overdue
}{ $paused ->
    [0] {""}
   *[other] {" "}• ⏸ { $paused } postponed
}
progress-preparation = Draft political and self-review reports: { $documents } • Personnel plans: { $personnel }
progress-difficulties-none = Open difficulties: none.
progress-difficulties = Open difficulties: { $count } (at { $units } { $units ->
    [one] unit
   *[other] units
}).
progress-own-held = The unit's own congress: ✅ held on { $date }.
progress-own-scheduled = The unit's own congress: 📅 planned for { $date }.
progress-own-overdue = The unit's own congress: ⚠️ overdue: { $list }{ $date ->
    [none] .
   *[other] ; planned for { $date }.
}
progress-own-overdue-item = { $milestone } ({ $days } { $days ->
    [one] day
   *[other] days
})
progress-own-paused = The unit's own congress: ⏸ postponed (reminders paused).
progress-own-due = The unit's own congress: ⏳ not held yet{ $date ->
    [none] .
   *[other] {" "}(deadline { $date }).
}
progress-list-title = { $filter ->
    [none] Units under it
   *[other] Units under it matching the filter
} ({ $from }–{ $to } of { $count }):
progress-home-list-title = { $filter ->
    [none] Units you follow
   *[other] Units you follow matching the filter
} ({ $from }–{ $to } of { $count }):
progress-list-empty = No unit matches the filter "{ $filter }".
progress-line = { $index }. { $state ->
    [held] ✅
    [scheduled] 📅
    [overdue] ⚠️
    [paused] ⏸
   *[due] ⏳
} { $unit }{ $parts ->
    [none] {""}
   *[other] : { $parts }
}
progress-part-held = held { $date }
progress-part-scheduled = congress on { $date }
progress-part-level = { $level ->
    [cell] cells
    [partial] partial committees
    [grassroots] grassroots
    [district] districts
   *[province] provinces
} { $held }/{ $total } ({ $share })
progress-part-pilot = pilot congress planned { $date }
progress-part-pilot-passed = pilot congress planned { $date }: the day has passed, no report
progress-part-overdue = overdue: { $count }
progress-part-difficulties = difficulties: { $count }
progress-filter = { $filter ->
    [all] All
    [notHeld] Not held
    [overdue] Overdue
   *[difficulties] With difficulties
}
progress-button-filter-active = ✓ { $name }
progress-button-prev = ◀ Previous
progress-button-next = Next ▶
progress-button-page = Page { $page }/{ $pages }
progress-button-up = ⬆ { $unit }
progress-button-home = ⬆ The units you follow
progress-button-chart = 📊 Chart
progress-leaf-parent = Under: { $parent }
progress-leaf-difficulties = Open difficulties: { $count ->
    [0] none.
   *[other] { $count }.
}
progress-no-campaign = No congress campaign is running.
progress-not-allowed =
    You have not been given any unit to follow (secretary, deputy, reporter, working-group leader, standing committee or admin), so there is no progress to show.
    For help, contact the party committee's office.
progress-usage = Usage: /progress or /progress UNIT_CODE, e.g. /progress GT-07.
progress-unknown-code = There is no unit with code "{ $code }". Check the code, e.g. /progress GT-07.
progress-out-of-scope = You may not see the progress of { $unit } ({ $code }). Send /progress to see the units you follow.
progress-group-out-of-scope = This group is linked to { $unit } ({ $code }), so it shows the progress of that unit and the units under it only.
progress-button-stale = This button no longer works, or you may not see this unit. Send /progress to start again.

election-title = Election results ({ $count } congresses held):
election-level = • { $label } ({ $count }): committee members elected { $elected }/{ $planned } ({ $share }); full { $full }, short { $short }{ $missing ->
    [0] {""}
   *[other] ; { $missing } congresses have not reported figures
}
election-people = {"   "}Women { $women } ({ $womenShare }) • under 35 { $young } ({ $youngShare }) • re-elected { $reElected } ({ $reElectedShare }) • new { $fresh } ({ $freshShare })
election-direct = Secretary elected directly: { $yes }/{ $known }
election-one-round = Full committee in one round: { $yes }/{ $known }
election-delegates = Delegates to the higher congress: { $elected } elected{ $exOfficio ->
    [none] {""}
   *[other] , { $exOfficio } ex officio
}
election-count = { $field ->
    [agedThirtyFiveToFifty] aged 35 to 50
    [overFifty] over 50
    [postgraduate] postgraduate
    [graduate] college or university
    [theoryAdvanced] advanced political theory
   *[theoryIntermediate] intermediate political theory
} { $count } ({ $share })
election-make-up = Make-up: { $parts }
election-standing = standing committees { $count }{ $women ->
    [none] {""}
   *[other] , of whom women { $women } ({ $share })
}
election-vote-shares = Share of votes of those elected: lowest { $lowest }, highest { $highest }
election-attendance = Present { $present } of { $summoned } summoned ({ $share })
election-no-results = • { $label } ({ $count }): no election results reported
election-short = Committees elected short: { $list }{ $more ->
    [0] .
   *[other] {" "}and { $more } more.
}
election-short-unit = { $name } ({ $elected }/{ $planned })
