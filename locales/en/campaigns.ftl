## Campaign template file problems (printed as "<place>: <message>"; see docs/campaign-templates.md)

org-problem-template-key-format = template key "{ $value }" is not valid; use lower-case letters without accents, digits and -, 2 to 32 characters, starting with a letter, e.g. hoc-tap-nq
org-problem-template-key-built-in = "{ $value }" is a built-in template's key (congress, review, study, meeting); choose another, e.g. { $value }-2027
org-problem-word-format = word "{ $value }" is not valid; use lower-case letters without accents and digits, 2 to 20 characters, e.g. kiemdiem
org-problem-field-key-format = key "{ $value }" is not valid; use lower-case letters without accents and digits, at most 20 characters, starting with a letter, e.g. comat
org-problem-duplicate-word = word "{ $value }" already names another milestone (at { $first }); each word names one milestone
org-problem-closes-itself = a milestone cannot close itself
org-problem-unknown-milestone = this template has no milestone "{ $value }"
org-problem-several-later-event = only one milestone may have date: laterEvent (the one that fixes the final milestone's date)
org-problem-range-only-for-count = min and max are for count fields only
org-problem-range-order = min ({ $min }) is greater than max ({ $max })
org-problem-choices-too-few = a choice field needs at least two choices
org-problem-duplicate-choice = choice "{ $value }" is listed twice
org-problem-choices-only-for-choice = choices are for choice fields only
org-problem-rule-format = rule "{ $value }" is not in the right form; write a sum of keys, a comparison (<=, <, =, >=, >), then a sum of keys, e.g. comat <= tong or xs + tot = danhgia
org-problem-unknown-field = this milestone has no field "{ $value }"
org-problem-not-a-count = field "{ $value }" is not a count, so it cannot be added or compared
org-problem-not-a-choice = field "{ $value }" is not a choice
org-problem-level-not-asked = level "{ $value }" is not one of the template's levels ({ $values })
org-problem-placeholder = the placeholder { $value } cannot be used in this kind of figure; only: { $values }

## Org file: campaigns (`campaigns:`)

org-problem-date-or-day = "{ $value }" is neither a date (2026-12-31 or 31/12/2026) nor a day of the month (1 to 31)
org-problem-campaign-key-format = campaign key "{ $value }" is not valid; use lower-case letters without accents, digits and -, 2 to 32 characters, starting with a letter, e.g. kiemdiem2026
org-problem-duplicate-campaign-name = campaign name "{ $value }" is used twice (first at { $first })
org-problem-terms-only-for-congress = terms are for the congress campaign only (template: congress)
org-problem-several-congresses = one congress campaign runs at a time; the file already has one (campaign: or another template: congress entry)
org-problem-unknown-template = there is no template "{ $value }"; the templates are: { $values } (an office's own is imported with: npm run cli -- template import FILE)
org-problem-deadline-day = this template runs every month: a deadline is a day of the month from 1 to 31, e.g. 25 (31: the month's end), not "{ $value }"
org-problem-deadline-date = a deadline is a date, e.g. 2026-12-31 or 31/12/2026, not "{ $value }"
org-problem-opens-required = opens is missing (the day the campaign opens, e.g. 2026-12-01): deadlines the file leaves out count from it as the template says

## Command line: templates and campaigns

cli-template-invalid = Template file { $file } has { $count } problems; nothing was written to the database:
cli-template-imported = Template "{ $key }" { $outcome ->
    [created] imported
   *[updated] updated
}. Name it in the organisation file: campaigns: [{"{"} key: …, name: "…", template: { $key }, … {"}"}]
cli-template-too-large = { $file } is too large to be a campaign template (at most 256 KB)
cli-template-line = { $key }: { $name } ({ $recurrence ->
    [monthly] monthly
   *[once] once
}; milestones: { $milestones })
cli-org-campaigns-opened = { $count } campaigns opened: { $list }
cli-org-campaigns-updated = { $count } campaigns updated: { $list }
cli-org-campaigns-closed = { $count } campaigns closed, no longer in the file (their reports are kept): { $list }

## A campaign's section (status, digest, /tiendo)

campaign-section-title = 📋 { $name }{ $round ->
    [none] {""}
   *[other] {" "}— { $round }
}
campaign-section-counts = Done: { $done }/{ $total } units ({ $share }); overdue: { $overdue } units.
campaign-section-not-open = The campaign starts in { $month }; nothing is asked yet.
campaign-section-no-units = No unit of the levels this campaign asks.

## Reporting a campaign's milestone (/report)

campaign-choose = Which campaign are you reporting for?
campaign-choose-milestone = { $unit } — { $campaign }: what are you reporting?
campaign-ask-date = { $milestone }: on which day? Type day/month/year (e.g. { $example }), "today", "yesterday", or press a button.
campaign-ask-field = { $question }{ $kind ->
    [count] {" "}Type a number, e.g. { $example }.
    [text] {" "}Type the text (at most { $max } characters).
   *[other] {""}
}{ $optional ->
    [yes] {" "}(Optional: press "Skip" if you do not have it.)
   *[no] {""}
}
campaign-card-title = Confirm the report — { $unit }{ $parent ->
    [none] {""}
   *[other] {" "}({ $parent })
}
campaign-card-campaign = Campaign: { $campaign }{ $round ->
    [none] {""}
   *[other] {" "}— { $round }
}
campaign-card-milestone = { $milestone }{ $date ->
    [none] {""}
   *[other] : on { $date }
}
campaign-card-value = { $label }: { $value }
campaign-card-correction = This report replaces the previous one of the same milestone; the old one stays in the history.
campaign-saved = Report saved. Where the unit stands in { $campaign }:
campaign-duplicate = This report was already saved; nothing more was recorded.
campaign-check-closed-by = ☑️ { $milestone } — settled (reported: { $by })
campaign-which = "{ $word }" is a milestone of several campaigns: { $keys }. Put the campaign's key before it, e.g. /report { $key } { $word } …
campaign-not-asked = The campaign "{ $campaign }" does not ask { $unit } to report.
campaign-unknown-milestone = "{ $value }" is not a milestone of the campaign "{ $campaign }". Use one of: { $words }.
campaign-problem-unknown-key = There is no key "{ $value }" for this milestone. The keys: { $keys }.
campaign-problem-duplicate-key = Key "{ $value }" is written twice.
campaign-problem-not-a-number = { $key }={ $value }: needs a number from { $min } to { $max }, e.g. { $example }.
campaign-problem-not-yes-no = { $key }={ $value }: needs "co" (yes) or "khong" (no), e.g. { $key }=co.
campaign-problem-not-a-choice = { $key }={ $value }: only { $choices }.
campaign-problem-too-long = { $key }: too long (at most { $max } characters).
campaign-problem-missing-key = { $key } is missing, e.g. { $example }.
campaign-problem-rule = The figures do not add up: { $left } { $operator ->
    [le] may not be more than
    [lt] must be less than
    [ge] may not be less than
    [gt] must be more than
   *[other] must equal
} { $right } (rule { $keys }).
campaign-problem-date-required = The date is needed, e.g. /report { $example }
campaign-problem-date-not-asked = This milestone takes no date; please leave it out.
campaign-problem-date = { $problem ->
    [not-a-date] The date "{ $value }" does not exist
   *[format] Cannot read the date "{ $value }"
}; write day/month/year, e.g. 05/12/2026.
campaign-problem-date-in-future = { $date } has not come yet: report only what has happened.
campaign-problem-unexpected = Cannot read "{ $value }": the date comes right after the milestone, figures as key=value.
campaign-congress-button = Congress

## /progress KEY: a campaign in the viewer's units

campaign-screen-scope = 📊 { $unit } ({ $code })
campaign-screen-overdue-title = Overdue ({ $count } units):
campaign-screen-overdue-line = { $index }. { $unit }: { $items }
campaign-screen-overdue-item = { $milestone } overdue by { $days } days
campaign-screen-more = … and { $count } more units (see them all in the Excel export).
campaign-screen-unknown = No open campaign "{ $value }". The open campaigns: { $keys }. E.g. /progress { $example }
campaign-screen-list = Other campaigns open, see them with: { $commands }

## A campaign's export (export --campaign KEY)

campaign-export-sheet = { $sheet ->
    [figures] Summary
   *[units] Units
}
campaign-export-column = { $column ->
    [scope] Scope
    [figure] Figure
    [count] Count
    [total] Out of
    [share] Share
   *[standing] Standing
}
campaign-export-standing = { $standing ->
    [done] Done
    [overdue] Overdue
    [paused] Paused
   *[onTrack] In progress
}
campaign-export-unknown = no open campaign "{ $value }"; the open campaigns: { $keys }
campaign-export-summary = Exported { $units } units and { $figures } summary figures.

## The web's campaign pages

web-campaigns = Other open campaigns
web-campaign-report = 📝 Report: { $campaign }
web-campaign-title = { $unit } — { $campaign }
web-campaign-back = ← Back to { $campaign }
web-campaign-date = { $milestone }: date
web-campaign-not-asked = This campaign does not ask { $unit } to report.
web-campaign-unknown = There is no such campaign, or it has closed.

## /help: each other open campaign

help-campaign =
    <b>{ $campaign }</b> (key { $key }; progress: /progress { $key }; Excel: /export { $key })
    { $lines }
web-campaign-export = ⬇ Download the workbook: { $campaign }
