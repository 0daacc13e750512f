## Status of one's units (/status)

status-card-command = Milestones of your unit's congress
help-status = /status — your unit's congress milestones and open difficulties; working-group leaders also see the progress of the units they follow (Vietnamese: /trangthai)
status-card-private-only = A unit's status is sent only in a private chat with the assistant. Message @{ $bot } privately and send /status.
status-card-nothing =
    You are not directly in charge of a unit (secretary, deputy secretary, reporter or working-group leader), so there is no status to show.
    For support, contact the district committee office.
status-card-difficulties-none = Open difficulties: none.
status-card-difficulties = Open difficulties ({ $count }):
status-card-difficulty = • { $text } ({ $date })
status-card-difficulty-hidden = • 🔒 Complaint letter: text not shown ({ $date })
status-card-group-title = { $groups } — { $count } units followed, most lagging first ({ $date }):
status-card-group-line = { $state ->
    [overdue] ⚠️
    [held] ✅
   *[due] ⏳
} { $unit }: { $parts }
status-card-group-overdue = { $milestone } overdue ({ $days ->
    [one] 1 day
   *[other] { $days } days
}){ $more ->
    [0] {""}
   *[other] {" "}and { $more } more milestone(s)
}
status-card-group-next = next: { $milestone }{ $date ->
    [none] {""}
   *[other] {" "}(due { $date })
}
status-card-group-held = congress held { $date }
status-card-group-cells = cells held their congress { $held }/{ $total }{ $overdue ->
    [0] {""}
   *[other] , { $overdue } cell(s) behind a deadline
}
status-card-group-difficulties = open difficulties: { $count }
status-card-group-none = The working group has no units to follow yet.
status-card-group-more = …and { $count } more unit(s)
