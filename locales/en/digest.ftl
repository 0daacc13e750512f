## Daily digest (standing committee group)

digest-title = 📊 CONGRESS PROGRESS — { $unit }
digest-updated = As of { $time } on { $date } ({ $weekday ->
    [1] Monday
    [2] Tuesday
    [3] Wednesday
    [4] Thursday
    [5] Friday
    [6] Saturday
   *[0] Sunday
})
digest-cells = Cells under grassroots committees: { $done }/{ $total } ({ $share }) held their congress{ $delta ->
    [0] {""}
   *[other] {"  "}▲ +{ $delta } since yesterday
}
digest-grassroots = Grassroots organisations: { $done }/{ $total } held their congress{ $pilots ->
    [none] {""}
   *[other] {" "}(pilot congresses: { $pilots })
}
digest-preparation = Draft political and self-review reports: { $documents } • Personnel plans: { $personnel }
digest-laggards-title = Furthest behind (cells that held their congress / all):
digest-laggard = • { $name }: { $done }/{ $total } ({ $share }){ $difficulty ->
    [yes] {" "}— has difficulties
   *[no] {""}
}
digest-more = …and { $count } more (/progress for the full list)
digest-upcoming-title = Congresses in the next 7 days:
digest-upcoming = • { $date } { $name }{ $pilot ->
    [yes] {" "}(pilot congress)
   *[no] {""}
}
digest-upcoming-count = • { $date }: { $count } { $count ->
    [one] unit
   *[other] units
}
digest-upcoming-none = Congresses in the next 7 days: none.
digest-overdue-none = Overdue: none.
digest-overdue-title = Overdue ({ $count } units with a milestone overdue):
digest-overdue-unit = • { $unit }
digest-overdue-members = { $count } { $cells ->
    [yes] { $count ->
        [one] cell
       *[other] cells
    }
   *[no] { $count ->
        [one] unit
       *[other] units
    }
}
digest-overdue-group = • { $unit }{ $self ->
    [yes] {" "}and { $members }
   *[no] : { $members }
}{ $names ->
    [none] {""}
   *[other] {" "}({ $names })
}
digest-overdue-more = …and { $count } more units (/progress, filter "Overdue")
digest-pilots-passed = Pilot congresses past their planned day, not yet reported: { $list }.
digest-deadline = Deadline for { $level ->
    [cell] cells
    [partial] partial committees
    [grassroots] grassroots organisations
    [district] districts
   *[province] provinces
}: { $date } ({ $days } days left).
digest-difficulties-none = Open difficulties: none.
digest-difficulties = Open difficulties ({ $count }): { $list }.
