## The web app (src/web)

web-title = Congress Assistant
web-skip = Skip to the main content
web-nav-overview = Overview
web-signed-in-as = { $name }
web-sign-out = Sign out
web-signed-out-title = Signed out
web-signed-out = You are signed out. To come back, send /web to the Assistant on Telegram or ask the office for a new sign-in link.
web-sign-in-needed-title = Sign-in needed
web-sign-in-needed = This page can only be seen after signing in. Send /web to the Assistant on Telegram to get a sign-in link; without Telegram, ask the office for one.
web-sign-in-title = Sign in
web-sign-in-confirm = Press the button below to sign in. The link works only once.
web-sign-in-button = Sign in
web-sign-in-invalid = This sign-in link is not right. Please check it or ask for a new one (send /web to the Assistant on Telegram).
web-sign-in-used = This link has already been used to sign in. Each link works once; send /web to the Assistant on Telegram for a new one.
web-sign-in-expired = The link expired at { $time } on { $date }. Send /web to the Assistant on Telegram for a new one.
web-forbidden-title = Not allowed
web-forbidden = The request is not valid (the session's protection code is missing). Please reload the page and try again.
web-not-found-title = Not found
web-unit-unknown = There is no unit with code "{ $code }".
web-unit-out-of-scope = { $unit } ({ $code }) is outside what you follow.
web-nothing-to-see = You have no units to follow on this page yet.
web-home-title = The units you follow
web-overview-title = { $unit } ({ $code })
web-overview-date = Figures of { $date }
web-overview-levels = Progress by level
web-col-level = Level
web-col-held = Held
web-col-share = Share
web-col-scheduled = Date set
web-col-overdue = With a milestone overdue
web-col-unit = Unit
web-col-difficulties = Difficulties
web-overview-digest = Progress report (the same figures as the standing committee's report at { $time })
web-chart-alt = Chart of the congress progress of { $unit }'s grassroots organisations
web-units-title = Units below
web-filter-label = Filter
web-search-label = Search by name or code (accents optional)
web-search-button = Search
web-sort-label = Sort
web-sort = { $sort ->
    [name] By name
   *[progress] Least progress first
}
web-units-none = No unit matches.
web-units-count = { $shown }/{ $total } units
web-unit-checklist = Congress milestones
web-unit-difficulties = Open difficulties
web-unit-difficulties-none = No open difficulty.
web-unit-history = Report history
web-unit-history-none = No report yet.
web-history-line = { $date }: { $milestone } — dated { $event }{ $by ->
    [none] {""}
   *[other] , reported by { $by }
}{ $superseded ->
    [yes] {" "}(superseded by a later report)
   *[no] {""}
}
web-up = ← { $unit }

## /web in the bot

web-link = Your sign-in link to the Assistant's web page (works once, expires at { $time } on { $date }):
    { $link }
    Do not pass this link on: whoever opens it is signed in as you.
web-link-off = The Assistant's web page is not switched on on the office's server. Please contact the office.
web-link-private-only = Sign-in links are sent in private chat only. Write to @{ $bot } privately and send /web.

## `web link` on the command line

web-cli-link = Sign-in link for { $name } (works once, expires at { $time } on { $date }); send it to them alone:
web-cli-off = the web page is not switched on: set WEB_PORT (and WEB_PUBLIC_URL, the address people open) in .env
web-cli-unknown-phone = no one on the roster has the phone number { $phone }

web-col-contact = Contact
web-contact = { $role ->
    [deputy] { $name } (deputy secretary)
   *[secretary] { $name }
}
web-contact-no-phone = (no phone number)
web-contact-none = No secretary on the roster
web-export = Download the workbook (Excel, as /xuat)
web-export-narrative = Progress report (Word, to edit and sign)
web-filter-paused = Reminders paused

## /web in the command menu and /trogiup

web-command = A sign-in link to the Assistant's web page
help-web = /web — sends a sign-in link to the Assistant's web page (works once, for 15 minutes): progress, the list of units and the Excel file on a computer or a phone, even where Telegram cannot be reached

## The report form on the web

web-report-link = { $onBehalf ->
    [yes] Report on the unit's behalf
   *[no] Report congress progress
}
web-report-choose-title = Report — { $unit }
web-report-choose = What are you reporting? (Items marked ✅ have been reported; choose one again to correct it.)
web-report-form-title = { $unit } — { $milestone }
web-report-date-label = { $milestone ->
    [plan] Date the congress plan was issued
    [documents] Date the draft political and review reports were completed
    [personnel] Date the personnel plan was approved by the level above
    [scheduled] Date set for the congress
   *[held] Date the congress was held
}
web-report-date-hint = Write day/month/year, e.g. { $example }.
web-report-results = Election results
web-report-optional-hint = The first two are required; leave any figure you do not have yet empty, do not write 0.
web-report-required-mark = (required)
web-report-unknown = Not known
web-report-note-hint = If more members were elected than planned, give the reason here.
web-report-check = Review before saving
web-report-cancel = Cancel, back to the unit
web-report-problems = The report was not saved. Please correct the following, then press "Review before saving":
web-report-required = { $field }: missing (required), e.g. 5.
web-report-not-a-number = { $field }: "{ $value }" is not a number. Write a whole number, e.g. 5; leave it empty if not known.
web-report-not-a-share = { $field }: "{ $value }" is not a percentage. Write a number with up to two decimals, e.g. 61.25; leave it empty if not known.
web-report-group = { $group ->
    [composition] Make-up of the members elected
    [votes] Share of votes of those elected (%)
   *[attendance] Delegates
}
web-report-confirm-title = Confirm the report
web-report-confirm-hint = Nothing is saved until you press "✅ Confirm". Press "✏️ Edit" to change it; what you entered is kept.
web-report-saved-title = Report saved
web-report-back = ← Back to the unit

## Sign-in links handed by an admin (people without Telegram)

web-links-nav = Sign-in links
web-links-title = Make a sign-in link
web-links-intro = For someone who cannot use Telegram: enter their phone number as the roster has it, and the Assistant makes a sign-in link that works once, for 24 hours. Send it to them alone, by Zalo or SMS.
web-links-phone = The recipient's phone number
web-links-phone-hint = E.g. 0912 345 678
web-links-button = Make the link
web-links-issued = Sign-in link for { $name } (works once, expires at { $time } on { $date }). Send it to them alone; whoever opens it signs in as them.
web-links-link-label = The link (select and copy)
web-links-bad-phone = "{ $phone }" is not a Vietnamese phone number. Write it like 0912 345 678 or +84912345678.
web-links-unknown = No one with the phone number { $phone } is in the units you manage. Check the number, or add them to the roster first.
web-links-not-allowed = Only the office (an admin) can make sign-in links for others.

## Notifications in the browser (Web Push)

web-push-nav = Notifications
web-push-title = Notifications in this browser
web-push-intro = When on, the daily reminders (and the progress digest, for standing committee members) come as notifications to this browser instead of Telegram messages. Tapping one opens the page it is about. Nothing is sent in quiet hours ({ $quiet }).
web-push-on-count = { $count ->
    [0] Notifications are not on in any browser.
    [one] Notifications are on in 1 browser.
   *[other] Notifications are on in { $count } browsers.
}
web-push-enable = Turn on notifications in this browser
web-push-disable = Turn off notifications in every browser
web-push-done = Notifications are on.
web-push-denied = The browser has not allowed notifications. Allow them for this site in the browser's settings, then press again.
web-push-failed = Notifications could not be turned on. Please try again in a few minutes.
web-push-unsupported = This browser cannot receive notifications. Please use a recent Chrome, Edge, Firefox or Safari.
web-push-script-needed = JavaScript must be on in the browser to turn on notifications.
web-push-stopped = Notifications turned off in { $count } browser(s).
push-reminder-title = Congress reminder
push-reminder-action = { $units ->
    [one] The unit has
   *[other] The units have
} not reported the items above. Tap the notification to report.
push-wg-action = { $count } units to follow up{ $difficulties ->
    [0] {""}
   *[other] , { $difficulties } open difficulties
}. Tap the notification to see the list.
