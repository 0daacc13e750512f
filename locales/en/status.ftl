## Status of one's units (/status)

status-card-command = Milestones of your unit's congress
help-status = /status — your unit's congress milestones and open difficulties; working-group leaders also see the progress of the units they follow (Vietnamese: /trangthai)
status-card-private-only = A unit's status is sent only in a private chat with the assistant. Message @{ $bot } privately and send /status.
status-card-nothing =
    You are not directly in charge of a unit (secretary, deputy secretary, reporter or working-group leader), so there is no status to show.
    For support, contact the party committee office.
status-card-difficulties-none = Open difficulties: none.
status-card-difficulties = Open difficulties ({ $count }):
status-card-difficulty = • { $text } ({ $date })
status-card-difficulty-hidden = • 🔒 Complaint letter: text not shown ({ $date })
status-card-group-none = The working group has no units to follow yet.
