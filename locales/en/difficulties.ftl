## Difficulties (/problem)

difficulty-command = Report a difficulty to the working group
help-difficulties =
    /problem TEXT — report a difficulty of your unit for the working group to follow up (Vietnamese: /khokhan)
    Example: /problem Personnel plan not yet agreed
    /problem — see the open difficulties and confirm those that are resolved
difficulty-private-only = Difficulties are reported only in a private chat with the assistant, so that they do not show in the group. Message @{ $bot } privately and send /problem with the text.
difficulty-not-allowed =
    You have no unit to report difficulties for. A unit's difficulties are reported and confirmed by its secretary, deputy secretary or reporter, or by the leader of the working group following it.
    For support, contact the party committee office.
difficulty-example =
    To report a difficulty, send /problem followed by the text, e.g.:
    /problem Personnel plan not yet agreed
difficulty-too-long = The difficulty is { $length } characters long, over the limit of { $max }. Please shorten it and send it again; send details to the working group in writing.
difficulty-unit = { $unit }{ $parent ->
    [none] {""}
   *[other] {" "}({ $parent })
}
difficulty-choose-unit =
    Which unit is this difficulty for?
    "{ $text }"
difficulty-button-cancel = ✖️ Cancel
difficulty-cancelled = Cancelled; no difficulty was recorded.
difficulty-recorded =
    Recorded a difficulty of { $unit }:
    "{ $text }"
difficulty-recorded-notified = The working-group leader has been told: { $names }.
difficulty-recorded-nobody = No leader of a working group following the unit receives messages from the bot yet; please tell the working group directly.
difficulty-recorded-sensitive = It concerns complaint letters, so it is kept confidential: summaries count it but never quote it.
difficulty-button-stale = This choice is no longer valid. Please send /problem with the text again.
difficulty-unit-code-not-yours =
    { $code } is the code of { $unit }, which is not a unit of yours, so this difficulty was not recorded.
    For your own unit, write the difficulty right after the command, for example: /problem The personnel plan is not agreed yet
    If the difficulty mentions { $code }, put the code later, for example: /problem We could not borrow the hall of { $code }
difficulty-unit-not-allowed = You may not report difficulties for this unit.
difficulty-open-title = Open difficulties in the units you follow: { $count }.
difficulty-open-more = Below are the { $shown } reported first; once they are confirmed, send /problem to see more.
difficulty-open-hint = When a difficulty has been resolved, press "✔️ Resolved" under it.
difficulty-open-none = There are no open difficulties in the units you follow.
difficulty-item =
    { $unit } — reported on { $date }
    { $text }
difficulty-item-hidden = 🔒 It concerns complaint letters: only the person who reported it, the standing committee and the office can read it.
difficulty-item-sensitive = 🔒 { $text }
difficulty-button-resolve = ✔️ Resolved
difficulty-resolved-line = ✔️ Resolved on { $date } ({ $name }).
difficulty-resolved-answer = Recorded as resolved.
difficulty-resolve-not-allowed = You may not confirm that this difficulty is resolved.
difficulty-already-resolved = This difficulty was already recorded as resolved.

## Difficulties: notices to the working group and to the unit

difficulty-notice-opened =
    New difficulty — { $unit }, reported on { $date }:
    "{ $text }"
    Send /problem to see the open difficulties; once it is resolved, press "✔️ Resolved".
difficulty-notice-opened-hidden =
    New difficulty — { $unit }, reported on { $date }: 🔒 it concerns a complaint or denunciation (only the person who reported it, the standing committee and the office can read it).
    Once it is resolved, send /problem and press "✔️ Resolved".
difficulty-notice-resolved =
    The difficulty of { $unit } reported on { $opened }:
    "{ $text }"
    was confirmed resolved by { $name } on { $date }.
difficulty-notice-resolved-hidden = The difficulty of { $unit } reported on { $opened } (🔒 complaint or denunciation) was confirmed resolved by { $name } on { $date }.
