## The working-group leader's list (each working morning, and /status)

wg-list-title = { $group } — to follow up today ({ $date })
wg-list-totals = { $total } { $level ->
    [province] provincial committees
    [district] district committees
    [grassroots] grassroots organisations
    [partial] partial committees
   *[cell] cells
}: { $done } held their congress, { $onTrack } on track, { $overdue } behind{ $paused ->
    [0] {""}
   *[other] , { $paused } postponed
}
wg-list-nothing = No unit is behind, or due soon without preparation.
wg-list-organisation = { $unit } ({ $held }/{ $total } cells held their congress):
wg-list-line = • { $unit }{ $parent ->
    [none] {""}
   *[other] {" "}({ $parent })
}: { $reasons }{ $secretary }
wg-list-secretary = {" "}— Secretary { $name }{ $phone ->
    [none] {""}
   *[other] , { $phone }
}
wg-list-no-secretary = {" "}— no secretary on the roster
wg-reason-final-overdue = congress overdue by { $days } { $days ->
    [one] day
   *[other] days
} (due { $date })
wg-reason-final-soon-undated = { $days ->
    [0] congress due today
   *[other] congress due { $date } ({ $days } { $days ->
        [one] day
       *[other] days
    } left)
}, no date set{ $overdue ->
    [0] {""}
   *[other] {" "}(overdue by { $overdue } { $overdue ->
        [one] day
       *[other] days
    })
}
wg-reason-pilot-passed = pilot congress planned for { $date }, not reported
wg-reason-milestone-overdue = { $milestone } overdue by { $days } { $days ->
    [one] day
   *[other] days
}
wg-list-more = …and { $count } more units to follow up — /progress shows them all
wg-list-difficulties-title = Open difficulties ({ $count }):
wg-list-difficulty = • { $unit } — "{ $text }" ({ $date })
wg-list-difficulty-hidden = • { $unit } — 🔒 complaint or denunciation: only the standing committee and the office read it ({ $date })
wg-list-difficulties-more = …and { $count } more — /problem shows them all
wg-list-paused-title = Postponed ({ $count } units, secretaries not reminded):
wg-list-paused-line = • { $unit }: postponed since { $date } — reason: { $reason }
wg-list-paused-more = …and { $count } more postponed units

## Another campaign's part of the list (the year's review, a resolution's study, the month's meeting)

wg-list-campaign-totals = { $total } { $level ->
    [province] provincial committees
    [district] district committees
    [grassroots] grassroots organisations
    [partial] partial committees
   *[cell] cells
}: { $done } done, { $onTrack } on track, { $overdue } behind
wg-list-organisation-campaign = { $unit } ({ $done }/{ $total } cells done):
wg-reason-campaign-overdue = { $milestone }: overdue by { $days } { $days ->
    [one] day
   *[other] days
} (due { $date })
wg-list-campaign-more = …and { $count } more units behind — /progress { $key } for all
