## Reporting (/baocao)

command-report = Report your unit's congress progress
report-private-only = Reports are made in a private chat with the assistant, so that a unit's details do not show in the group.
report-no-units = You have no unit to report for yet. Ask the party committee office for an invite code.
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
    [plan] On which date was the congress plan issued?
    [documents] On which date were the draft political and self-review reports done?
    [personnel] On which date did the level above approve the personnel plan?
    [scheduled] On which date is the congress set?
   *[held] On which date was the congress held?
} Type day/month/year (e.g. { $example }), { $milestone ->
    [scheduled] "today", "tomorrow"
   *[other] "today", "yesterday"
}, or pick it on the calendar.
report-start-title = { $unit } — { $milestone }
report-today-button = Today ({ $date })
report-other-day-button = { $day ->
    [tomorrow] Tomorrow ({ $date })
   *[yesterday] Yesterday ({ $date })
}
report-calendar-month = { $month }/{ $year }
report-weekdays = Mo Tu We Th Fr Sa Su
report-date-format = Could not read the date "{ $value }". Write day/month/year, e.g. { $example }.
report-date-not-real = The date "{ $value }" does not exist. Write day/month/year, e.g. { $example }.
report-held-in-future = The congress date { $date } is still ahead. Report "held" once the congress has taken place; if the date has only been set, choose "Congress date set".
report-scheduled-in-past = { $date } has passed. A congress date being set must be today or later; if the congress took place, choose "Congress held".
report-done-in-future = { $date } has not come yet. Report only what is done, on a date no later than today.
report-outside-campaign = { $date } is outside this campaign: only dates from { $from } to { $to } are accepted. Please check the date, especially the year.
report-ask-numbers = Type the numbers, separated by spaces: { $fields }. E.g.: { $example }
    The first two are required; leave out unknown ones at the end, or type - in their place.
report-ask-composition = The make-up of the members elected. Type the numbers, separated by spaces: { $fields }. E.g.: { $example }
    Type - in place of a number not known, or press "Skip" to leave this part out.
report-ask-votes = Share of votes of those elected (%), separated by spaces: { $fields }. E.g.: { $example }
    Up to two decimals; press "Skip" to leave this part out.
report-ask-attendance = Type the numbers of delegates and attendance, separated by spaces: { $fields }. E.g.: { $example }
    You may type only the first ones, or press "Skip" to leave this part out.
report-ask-number = { $question } (from { $min } to { $max })
report-numbers-not-a-number = "{ $value }" is not a number. { $single ->
    [yes] Type a whole number, e.g.: { $example }
    [share] Type a percentage with up to two decimals, e.g.: { $example }
    [shares] Type the percentages (up to two decimals) separated by spaces, e.g.: { $example }
   *[no] Type whole numbers separated by spaces, e.g.: { $example }
}
report-numbers-too-few = Required: { $fields }. E.g.: { $example }
report-numbers-too-many = You typed { $given } numbers, more than the { $count } asked for. E.g.: { $example }
report-numbers-retry = { $single ->
    [yes] Type it again, e.g.: { $example }
   *[no] Type the numbers again, separated by spaces, e.g.: { $example }
}
report-yes-no-invalid = Press "Yes" or "No" (or type yes/no).
report-question = { $field ->
    [committeePlanned] { $committee ->
        [cell] How many cell committee members did the approved plan provide for?
       *[executive] How many executive committee members did the approved plan provide for?
    }
    [committeeElected] { $committee ->
        [cell] How many cell committee members were elected?
       *[executive] How many executive committee members were elected?
    }
    [standingElected] How many standing committee members were elected?
    [women] { $committee ->
        [cell] Of the cell committee members elected, how many are women?
       *[executive] Of the executive committee members elected, how many are women?
    }
    [underThirtyFive] { $committee ->
        [cell] Of the cell committee members elected, how many are under 35?
       *[executive] Of the executive committee members elected, how many are under 35?
    }
    [reElected] { $committee ->
        [cell] Of the cell committee members elected, how many were re-elected?
       *[executive] Of the executive committee members elected, how many were re-elected?
    }
    [secretaryDirect] { $committee ->
        [cell] Was the cell secretary elected directly by the congress?
       *[executive] Was the party committee secretary elected directly by the congress?
    }
    [oneRound] { $committee ->
        [cell] Was the cell committee elected in full in one round of voting?
       *[executive] Was the executive committee elected in full in one round of voting?
    }
    [agedThirtyFiveToFifty] Of the committee members elected, how many are 35 to 50?
    [overFifty] Of the committee members elected, how many are over 50?
    [postgraduate] Of the committee members elected, how many have a postgraduate degree?
    [graduate] Of the committee members elected, how many have a college or university degree?
    [theoryAdvanced] Of the committee members elected, how many have advanced political theory (cao cấp, cử nhân)?
    [theoryIntermediate] Of the committee members elected, how many have intermediate political theory (trung cấp)?
    [standingWomen] Of the standing committee members, how many are women?
    [lowestVoteShare] The lowest share of votes of anyone elected (%)?
    [highestVoteShare] The highest share of votes of anyone elected (%)?
    [delegates] How many delegates were elected to the higher congress?
    [delegatesExOfficio] How many delegates attend the higher congress ex officio?
    [summoned] { $committee ->
        [cell] How many party members were summoned to the congress?
       *[executive] How many delegates were summoned to the congress?
    }
   *[present] { $committee ->
        [cell] How many party members were present at the congress?
       *[executive] How many delegates were present at the congress?
    }
}
report-number-name = { $field ->
    [committeePlanned] { $committee ->
        [cell] cell committee members planned
       *[executive] executive committee members planned
    }
    [committeeElected] elected
    [women] women
    [underThirtyFive] under 35
    [reElected] re-elected
    [standingElected] standing committee members
    [standingWomen] women on the standing committee
    [agedThirtyFiveToFifty] aged 35 to 50
    [overFifty] over 50
    [postgraduate] postgraduate
    [graduate] college or university
    [theoryAdvanced] advanced political theory
    [theoryIntermediate] intermediate political theory
    [lowestVoteShare] lowest share of votes
    [highestVoteShare] highest share of votes
    [delegates] delegates elected to the higher congress
    [delegatesExOfficio] delegates ex officio
    [summoned] { $committee ->
        [cell] members summoned
       *[executive] delegates summoned
    }
   *[present] { $committee ->
        [cell] members present
       *[executive] delegates present
    }
}
report-yes = Yes
report-no = No
report-skip = Skip
report-clear = Leave blank
report-back = ‹ Back
report-edit-menu = Choose what to change; the rest stays as it is. Nothing is saved until you press "✅ Confirm".
report-edit-entry = { $field }: { $value }
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
report-card-committee = { $committee ->
    [cell] Cell committee
   *[executive] Executive committee
}: elected { $elected }/{ $planned } ({ $full ->
    [yes] in full
   *[no] short
})
report-card-women = women { $count } ({ $share })
report-card-young = under 35 { $count } ({ $share })
report-card-re-elected = re-elected { $count }, new { $newMembers }
report-card-standing = Standing committee: { $count } members{ $women ->
    [none] {""}
   *[other] , women { $women }
}
report-card-secretary-direct = Secretary elected directly at the congress: { $answer ->
    [yes] yes
   *[no] no
}
report-card-one-round = Elected in full in one round: { $answer ->
    [yes] yes
   *[no] no
}
report-card-delegates = Delegates to the higher congress: { $count }{ $exOfficio ->
    [none] {""}
   *[other] {" "}elected, { $exOfficio } ex officio
}
report-card-attendance = { $committee ->
    [cell] Members present
   *[executive] Delegates present
}: { $present }/{ $summoned }
report-card-note = Note: { $note }
report-card-correction = Corrects the previous report (old → new):
report-card-same = Same as the previous report; confirming records it again.
report-card-change = • { $field }: { $before } → { $after }
report-card-on-behalf = Reported on behalf of the unit (working group / office).
report-card-late = { $done ->
    [late] Done after the deadline of { $date }: accepted and marked done late.
   *[onTime] Reported after the deadline of { $date }, done on time: accepted and marked reported late.
}
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
    [standingWomen] Women on the standing committee
    [women] Women
    [underThirtyFive] Under 35
    [agedThirtyFiveToFifty] Aged 35 to 50
    [overFifty] Over 50
    [reElected] Re-elected
    [postgraduate] Postgraduate
    [graduate] College or university
    [theoryAdvanced] Advanced political theory
    [theoryIntermediate] Intermediate political theory
    [secretaryDirect] Secretary elected directly
    [oneRound] Elected in one round
    [lowestVoteShare] Lowest share of votes
    [highestVoteShare] Highest share of votes
    [delegates] Delegates to the higher congress
    [delegatesExOfficio] Delegates ex officio
    [summoned] Summoned
    [present] Present
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
report-line-unknown-key = There is no key "{ $value }". Keys: bch, btv, btvnu, nu, tre, tu35, tren50, taicu, trendh, daihoc, caocap, trungcap, bttructiep, motlan, phieuthap, phieucao, daibieu, duongnhien, trieutap, comat, ghichu (see /help).
report-line-duplicate-key = Key "{ $value }" is given twice.
report-line-not-a-number = { $key }={ $value }: a number is needed, e.g. { $key }=4.
report-line-not-a-share = { $key }={ $value }: a percentage with up to two decimals is needed, e.g. { $key }=61.25.
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
report-standing-for-cell = A cell elects no standing committee: leave its members (btv, btvnu) out of the report, for example bch=5/5 nu=2.
report-election-range = { $field }: { $value } is outside the allowed range ({ $min } to { $max }).
report-election-more-than = { $field } ({ $value }) cannot be more than { $limitField } ({ $limit }).
report-election-sum = { $group ->
    [age] Members under 35, 35 to 50 and over 50
    [education] Members with postgraduate and with college or university degrees
   *[theory] Members with advanced and with intermediate political theory
} add up to { $parts } = { $value }, which { $exact ->
    [yes] must equal
   *[no] cannot be more than
} the members elected ({ $limit }).
report-election-over-planned = Members elected ({ $value }) exceed the plan ({ $limit }). If that is right, add ghichu=… to explain.

## Rate limit

rate-limited = You sent many messages in a short time. Please wait a minute and try again.
