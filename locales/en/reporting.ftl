## Reporting (/baocao)

command-report = Report your unit's congress progress
report-private-only = Reports are made in a private chat with the assistant, so that a unit's details do not show in the group.
report-no-units = You have no unit to report for yet. Ask the district committee office for an invite code.
report-not-allowed = You may not report for { $unit }. Everyone reports only for the units assigned to them.
report-unknown-unit = There is no unit with code "{ $code }". Check the code, e.g. /report GT-01 held 04/03/2020 …
report-no-campaign = No congress campaign is running, so there is nothing to report yet.
report-choose-unit = Which unit are you reporting for?
report-type-unit = You follow many units. Type the code of the unit to report for (e.g. { $example }), or use: /report UNIT_CODE
report-choose-milestone = { $unit }: what are you reporting?
report-milestone-button = { $done ->
    [yes] ✅ { $name }
   *[no] { $name }
}
report-ask-date = { $milestone ->
    [scheduled] On which date is the congress set?
    [held] On which date was the congress held?
   *[other] On which date was it done?
} Type day/month/year (e.g. { $example }), "today", "tomorrow", or pick it on the calendar.
report-today-button = Today ({ $date })
report-calendar-month = { $month }/{ $year }
report-weekdays = Mo Tu We Th Fr Sa Su
report-date-format = Could not read the date "{ $value }". Write day/month/year, e.g. { $example }.
report-date-not-real = The date "{ $value }" does not exist. Write day/month/year, e.g. { $example }.
report-held-in-future = The congress date { $date } is still ahead. Report "held" once the congress has taken place; if the date has only been set, choose "Congress date set".
report-scheduled-in-past = { $date } has passed. A congress date being set must be today or later; if the congress took place, choose "Congress held".
report-done-in-future = { $date } has not come yet. Report only what is done, on a date no later than today.
report-ask-number = { $question } (from { $min } to { $max })
report-ask-yes-no = { $question }
report-number-invalid = "{ $value }" is not a valid number. Enter a number from { $min } to { $max }, e.g. { $example }.
report-yes-no-invalid = Press "Yes" or "No" (or type yes/no).
report-question = { $field ->
    [committeePlanned] How many executive committee members did the approved plan provide for?
    [committeeElected] How many executive committee members were elected?
    [standingElected] How many standing committee members were elected?
    [women] Of those elected, how many are women?
    [underThirtyFive] How many are under 35?
    [reElected] How many were re-elected?
    [secretaryDirect] Was the secretary elected directly at the congress?
    [oneRound] Was the committee elected in full in one round of voting?
    [delegates] How many delegates were elected to the higher congress?
    [summoned] How many delegates were summoned to the congress?
   *[present] How many delegates were present?
}
report-yes = Yes
report-no = No
report-skip = Skip
report-confirm = ✅ Confirm
report-edit = ✏️ Edit
report-cancel = ✖️ Cancel
report-card-title = Confirm report — { $unit }{ $parent ->
    [none] {""}
   *[other] {" "}({ $parent })
}
report-card-milestone = { $milestone ->
    [plan] Congress plan: issued on { $date }
    [documents] Draft political and self-review reports: done on { $date }
    [personnel] Personnel plan: approved by the level above on { $date }
    [scheduled] Congress date set: { $date }
   *[held] Congress held: { $date }
}
report-card-committee = Executive committee: elected { $elected }/{ $planned } ({ $full ->
    [yes] in full
   *[no] short
}), women { $women } ({ $womenShare }), under 35 { $young } ({ $youngShare }), re-elected { $reElected }, new { $newMembers }
report-card-standing = Standing committee: { $count } members
report-card-secretary-direct = Secretary elected directly at the congress: { $answer ->
    [yes] yes
   *[no] no
}
report-card-one-round = Elected in full in one round: { $answer ->
    [yes] yes
   *[no] no
}
report-card-delegates = Delegates to the higher congress: { $count }
report-card-attendance = Delegates present: { $present }/{ $summoned }
report-card-note = Note: { $note }
report-card-correction = Corrects the previous report (old → new):
report-card-same = Same as the previous report; confirming records it again.
report-card-change = • { $field }: { $before } → { $after }
report-card-on-behalf = Reported on behalf of the unit (working group / office).
report-card-late = Reported after the deadline of { $date }: accepted and marked late.
report-card-saved = ✅ Saved.
report-card-cancelled = ✖️ Cancelled, nothing saved.
report-saved = Report saved. Where the unit stands:
report-cancelled = Report cancelled; nothing was saved.
report-expired = This report session expired ({ $minutes } minutes without activity); nothing was saved. Type /report to start again.
report-stale-button = This button is out of date. Use the latest message, or type /report to start again.
report-text-too-long = Too long (at most { $max } characters).
report-field-date = Date
report-field-name = { $field ->
    [committeePlanned] Members planned
    [committeeElected] Members elected
    [standingElected] Standing committee
    [women] Women
    [underThirtyFive] Under 35
    [reElected] Re-elected
    [secretaryDirect] Secretary elected directly
    [oneRound] Elected in one round
    [delegates] Delegates to the higher congress
    [summoned] Delegates summoned
    [present] Delegates present
   *[note] Note
}
report-yes-no = { $answer ->
    [yes] yes
   *[no] no
}

## Reporting: problems in the one-line form and in results

report-line-problems = The report was not saved:
report-line-empty = Usage: /report for step-by-step guidance, or one line: /report [UNIT_CODE] WHAT [date] [key=value …], e.g. /report held 04/03/2020 bch=15/15 nu=4 tre=2 taicu=10
report-line-unknown-milestone = "{ $value }" is not something to report. Use one of: plan, documents, personnel, scheduled, held (or kehoach, vankien, nhansu, lich, daihoi).
report-line-unknown-key = There is no key "{ $value }". Keys: bch, btv, nu, tre, taicu, bttructiep, motlan, daibieu, trieutap, comat, ghichu (see /help).
report-line-duplicate-key = Key "{ $value }" is given twice.
report-line-not-a-number = { $key }={ $value }: a number is needed, e.g. { $key }=4.
report-line-not-yes-no = { $key }={ $value }: "co" (yes) or "khong" (no) is needed, e.g. { $key }=co.
report-line-bch-format = bch={ $value }: write elected/planned, e.g. bch=15/15.
report-line-results-only-for-held = Key "{ $value }" is only used when reporting a congress held (held).
report-line-missing-key = { $key } is missing: e.g. { $key ->
    [bch] bch=15/15
    [nu] nu=4
    [tre] tre=2
   *[taicu] taicu=10
}.
report-line-unexpected = Could not understand "{ $value }": the date comes right after what you report, numbers as key=value.
report-line-date-required = The congress date is needed, e.g. 04/03/2020.
report-line-need-unit = You follow several units: write the unit code right after /report, e.g. /report { $example } …
report-results-required = The election results are needed.
report-election-range = { $field }: { $value } is outside the allowed range ({ $min } to { $max }).
report-election-more-than = { $field } ({ $value }) cannot be more than { $limitField } ({ $limit }).
report-election-over-planned = Members elected ({ $value }) exceed the plan ({ $limit }). If that is right, add ghichu=… to explain.

## Rate limit

rate-limited = You sent many messages in a short time. Please wait a minute and try again.
