## Commands (descriptions shown in Telegram's command menu)

command-start = Start and identify yourself
command-help = How to use the assistant, and its commands
command-link-code = Get a link code for a unit's group chat
command-link-group = Link this group to a unit with a link code
command-unlink-group = Unlink this group from its unit (administrators)
command-group-progress = Congress progress of the unit linked to this group
command-group-language = Choose the language of the group's daily digest (administrators)

## Start

start-welcome =
    Welcome, { $name }!
    This is the Congress Assistant: it follows the progress of party congresses at every level.
start-known-roles = Your assignments:
start-role-line = • { $role } — { $unit }
start-unknown =
    You have no unit to report for yet. Ask the party committee office for an invite code.
start-stranger =
    The assistant does not know you yet.
    • If you are on the party committee office's list: press the «{ onboarding-share-phone-button }» button below to be recognised by your phone number.
    • If you are not on the list: ask the party committee office for an invite link.
start-next = Type /help to see the commands.

role-name = { $role ->
    [secretary] Secretary
    [deputy] Deputy secretary
    [reporter] Reporter
    [standing] Standing committee member
    [admin] Administrator
   *[other] { $role }
}

## Help (/help: the title, one section per command the person may use, then what applies to them)

help-title = <b>Congress Assistant — help</b>
help-start = /start — start and identify yourself
help-report = /report — report your unit's congress progress, step by step with buttons (Vietnamese: /baocao)
help-link-code = /linkcode UNIT_CODE — get a link code so that the unit's group chat receives the daily progress digest (Vietnamese: /malienket)
help-help = /help — this help (Vietnamese: /trogiup)
help-report-line =
    <b>Quick report on one line</b>
    /report [UNIT_CODE] WHAT [date] [key=value …]
    What: plan, documents, personnel, scheduled (congress date set), held (congress held) — or kehoach, vankien, nhansu, lich, daihoi.
    Example: /report scheduled 15/03/2020
    Example: /report held 04/03/2020 bch=15/15 btv=5 nu=4 tre=2 taicu=10 daibieu=17 bttructiep=co

    <b>Keys for a congress held</b>
    bch=15/15 — committee members elected/planned: the executive committee of a committee, the cell committee of a cell (required)
    nu=4 — women
    tre=2 tu35=9 tren50=4 — under 35, 35 to 50, over 50
    taicu=10 — re-elected
    trendh=3 daihoc=11 — postgraduate; college or university
    caocap=6 trungcap=8 — advanced political theory; intermediate
    btv=5 btvnu=2 — standing committee members, of whom women (committees)
    bttructiep=co — secretary elected directly at the congress (co = yes, khong = no)
    motlan=co — elected in full in one round (co/khong)
    phieuthap=61.25 phieucao=98.5 — lowest and highest share of votes of those elected (%)
    daibieu=16 duongnhien=1 — delegates to the higher congress: elected, ex officio
    trieutap=120 comat=118 — delegates summoned, present
    ghichu=… — a note (last on the line)

    Only bch is required; leave out what is not known. Write dates as day/month/year (04/03/2020), or 4/3, "today", "yesterday". Every report is confirmed before it is saved.
help-support = For support, contact the party committee office.

help-group-progress = /progress [CODE] — congress progress of the unit linked to this group and the units under it (Vietnamese: /tiendo)
help-group-link = /linkgroup CODE — link this group to a unit, with a link code an administrator gets with /linkcode (Vietnamese: /lienketnhom)
help-group-unlink = /unlinkgroup — an administrator of the unit unlinks this group (Vietnamese: /huylienket)
help-group-language = /lang — an administrator of the unit chooses the language of the group's daily digest (Vietnamese: /ngonngu)
help-group-private = Reports, status, difficulties and everything else of your own are done in a private chat with the assistant: @{ $bot }.

## Errors and fallbacks

error-generic = Sorry, something went wrong while handling your request. Please try again in a few minutes; if it keeps failing, tell the party committee office.
error-disk-full = Sorry, the office's server has run out of storage, so your request was not carried out (nothing was saved). Please tell the party committee office and try again later.
unknown-command = There is no /{ $command } command. Type /help to see the commands.
unknown-text = The assistant did not understand this message. Type /help to see the commands.
group-not-linked = This group is not linked to any unit, so the assistant shows no data here.

## Organisation file problems (printed as "<place>: <message>")

org-problem-unknown-key = unknown field (check the spelling; see docs/org-file.md)
org-problem-required = is missing and required
org-problem-type = has the wrong type, expected { $expected ->
    [object] a group of fields (e.g. {"{"} code: GT, name: "…" {"}"})
    [list] a list
   *[other] a value
}
org-problem-one-of = "{ $value }" is not allowed; use one of: { $values }
org-problem-empty = must not be empty
org-problem-empty-list = the list must not be empty
org-problem-too-many = too many entries (at most { $max })
org-problem-too-long = too long (at most { $max } characters)
org-problem-code-format = code "{ $value }" is not valid; use letters without accents, digits, . _ -, at most 32 characters, e.g. GT-01
org-problem-date = date "{ $value }" is not valid; write 2020-03-31 or 31/03/2020
org-problem-phone = "{ $value }" is not a Vietnamese phone number; e.g. 0912345678 or +84912345678
org-problem-deadline-value = a deadline is a date (2020-03-31) or a map of milestones to dates, e.g. {"{"} held: 2020-03-31 {"}"}
org-problem-invalid = is not valid
org-problem-yaml-syntax = the YAML file has a syntax error: { $message }
org-problem-csv-syntax = the CSV file has a syntax error: { $message }
org-problem-csv-missing-column = column "{ $value }" is missing; the header needs code,name,level,parent,pilot,secretary_name,secretary_phone
org-problem-csv-unknown-column = column "{ $value }" is not supported
org-problem-duplicate-code = code "{ $value }" is used twice (first at { $first })
org-problem-parent-required = a { $level ->
    [partial] partial committee
   *[cell] cell
} needs a parent unit
org-problem-progress-other-unit = the report line names unit "{ $value }" but this entry is unit "{ $unit }"'s; leave the unit code out of the line (for example: report: "daihoi 14/02/2020 bch=3/3")
org-problem-progress-other-organization = the file is organisation "{ $value }"'s but it is being loaded into "{ $organization }"; choose the right one with --org { $value }
org-problem-progress-on-future = { $value } has not come yet (today is { $today }); write the day the report reached the office
org-problem-unknown-unit = no unit with code "{ $value }"
org-problem-own-parent = unit "{ $value }" cannot be its own parent
org-problem-level-order = a { $level ->
    [province] province committee
    [district] district committee
    [grassroots] grassroots organisation
    [partial] partial committee
   *[cell] cell
} cannot be under a { $parentLevel ->
    [province] province committee
    [district] district committee
    [grassroots] grassroots organisation
    [partial] partial committee
   *[cell] cell
} ("{ $value }")
org-problem-no-top = there is no top unit (a unit without parent)
org-problem-several-tops = there must be one top unit, but several have no parent: { $value }
org-problem-cycle = the parents form a cycle: { $value }
org-problem-organization-not-top = organisation code "{ $value }" is a unit but not the top unit
org-problem-duplicate-phone = same phone number as { $first } ({ $name })
org-problem-duplicate-role = role { $value } at "{ $unit }" is listed twice
org-problem-duplicate-group = working group name "{ $value }" is used twice (first at { $first })
org-problem-leader-not-in-people = { $value } is not in people; created a person named "{ $name }"
org-problem-leader-is-member = the leader need not be listed again in members
org-problem-unknown-person = nobody with phone { $value } in people
org-problem-phone-renumbered = { $value } is a mobile number from before the 2018 renumbering; imported as today's number { $phone }
org-problem-yaml-aliases = the file repeats the named part "{ $value }" (& and *) so often that it would grow beyond { $max } entries; write the entries out instead of using & and *

## Command line

cli-usage =
    Usage: npm run cli -- COMMAND
      org import FILE [--dry-run] [--prune]   import an organisation from a YAML or CSV file
      org export [--format yaml|csv] [--out FILE] [--org CODE]
      progress import FILE [--dry-run]        load the progress already known (the units' reports, difficulties), each on the day it was reported (docs/progress-file.md)
      template import FILE                    import an office's own campaign template (docs/campaign-templates.md)
      template list                           the campaign templates: built-in and imported
      status [--unit CODE] [--as-of dd/mm/yyyy]
                                              congress progress and every other open campaign (--as-of: as known at the end of that day)
      invite create --unit CODE --role ROLE [--expires 14d] [--org CODE]
                                              make an invite link (single use; --expires: 14d, 12h, at most 90d)
      invite list [--unit CODE]               invites and their state (never the token)
      invite revoke --token TOKEN | --id NUMBER   revoke an unused invite
      outbox status                           messages pending, sent and failed; who is unreachable
      digest send [--unit CODE]               send the progress digest to linked groups now
      remind run                              send the reminders that are due now
      group link-code --unit CODE [--expires 7d] [--org CODE]
                                              make a group link code (single use); send /linkgroup CODE in the group
      group list                              linked groups (unit, chat id, title, since)
      group unlink --chat CHAT_ID             unlink a group
      export [--format xlsx|csv|docx] --out FILE [--unit CODE] [--org CODE] [--as-of dd/mm/yyyy]
                                              export the figures to Excel; csv: one file per sheet (FILE-summary.csv, …); docx: the Word report
      export --campaign KEY --out FILE [--unit CODE] [--format xlsx|csv]
                                              export another campaign (the review, a resolution's study…): summary and every unit
      web link --phone PHONE [--org CODE]     a one-time sign-in link to the web page (24 hours) to send by hand (Zalo, SMS)
      db migrate                              bring the database schema up to date
      db backup --out FILE                    back up the embedded database with the bot stopped (a running bot backs up nightly to BACKUP_DIR)
      db restore FILE                         restore a backup with the bot stopped; the data there now is kept aside
      person export --phone PHONE [--out FILE] [--org CODE]
                                              everything kept on one person (JSON), to answer their request
      person erase --phone PHONE [--org CODE] erase a person's identity (name, phone, Telegram); the unit's reports stay
    With several organisations in the database, add --org CODE to choose one; unit codes may be typed in any case.
cli-unknown-command = unknown command "{ $command }"
cli-missing-argument = { $name } is missing
cli-unknown-option = unknown option "{ $option }"
cli-file-not-found = cannot read file { $file }
cli-org-invalid = { $file } has { $count } problem(s); nothing was written to the database:
cli-org-warning = Note: { $place }: { $message }
cli-org-too-large = Error: { $file } is too large ({ $size } MB; at most { $max } MB); nothing was written to the database. A 100,000-unit organisation is about 12 MB: check that this is the right file.
cli-org-conflict = Error: while { $file } was being imported, another import changed this organisation; this one wrote nothing. Run the command again: npm run cli -- org import { $file }
cli-progress-checking = Checking the file…
cli-progress-import = { $step ->
    [read] Comparing with the database…
    [units] Writing units
    [people] Writing people
    [roles] Writing roles
    [groups] Writing working groups…
   *[paths] Updating the unit tree…
}{ $counted ->
    [yes] : { $done }/{ $total }
   *[no] {""}
}
cli-org-no-changes = No changes: the database already matches the file.
cli-org-dry-run = Dry run (--dry-run): nothing written. A real import would:
cli-org-applied = Imported { $organization }:
cli-org-created = • create the organisation
cli-org-renamed = • rename the organisation
cli-org-letterhead = • update the superior organisation, issuing committee or place its documents carry
cli-org-units-added = • add { $count } unit(s)
cli-org-units-updated = • update { $count } unit(s): { $list }
cli-org-units-restored = • restore { $count } archived unit(s): { $list }
cli-org-units-missing = • { $count } stored unit(s) are not in the file: { $list } (use --prune to archive them)
cli-org-units-archived = • archive { $count } unit(s) no longer in the file: { $list }
cli-org-people-added = • add { $count } person(s)
cli-org-people-updated = • update { $count } person(s)
cli-org-roles-added = • grant { $count } role(s)
cli-org-roles-removed = • remove { $count } role(s)
cli-org-groups-added = • add { $count } working group(s)
cli-org-groups-updated = • update { $count } working group(s): { $list }
cli-org-groups-missing = • { $count } working group(s) are not in the file: { $list } (use --prune to remove them)
cli-org-groups-removed = • remove { $count } working group(s): { $list }
cli-org-campaign-created = • create a new campaign
cli-org-campaign-updated = • update the campaign's deadlines and terms
cli-org-not-found = there is no organisation in the database yet; import one first: npm run cli -- org import FILE
cli-org-choose = there are several organisations ({ $list }); choose one with --org CODE
cli-org-unknown = no organisation with code "{ $value }"
cli-unit-unknown = no unit with code "{ $value }"
cli-exported = Wrote { $file }.
cli-migrated = Database up to date: applied { $applied } migration(s) ({ $already } already applied).
cli-backup-written = Backed up to { $file } ({ $size }).
cli-backup-postgres = the database is PostgreSQL (DATABASE_URL): back it up with pg_dump and restore it with pg_restore, as the README's "Backups" says
cli-backup-not-found = there is no file { $file }
cli-backup-not-a-backup = { $file } is not a Trợ lý Đại hội backup (made by db backup or BACKUP_DIR); nothing changed
cli-restore-done = Restored from { $file } ({ $size }){ $migrations ->
    [0] {""}
   *[other] , and brought up to date by { $migrations } migration(s)
}.{ $aside ->
    [none] {""}
   *[other] {" "}The data from before the restore is kept in { $aside }; delete that directory once you have checked.
}
cli-person-not-a-phone = "{ $phone }" is not a Vietnamese phone number; e.g. 0912345678
cli-person-unknown = nobody with the number { $phone } is on the roster
cli-person-erased = Erased the identity of person { $id }: removed { $roles } role(s), { $workingGroups } working-group place(s), { $webSessions } web session(s), { $pushBrowsers } browser(s) for notifications, { $storedUpdates } stored message(s), { $messages } message(s) to them, { $conversations } conversation(s). The unit's reports stay and still count; the audit log records the erasure.
person-erased-name = (erased on request)
cli-error = Error: { $message }
cli-progress-too-large = { $file } is too large to be a progress file; please check it is the right file
cli-progress-no-campaign = the organisation has no congress campaign to load progress into (add a campaign section to the organisation file and run org import again)
cli-progress-checked = Dry run (--dry-run): nothing written. The file is valid: { $reports } reports, { $difficulties } difficulties.
cli-progress-imported = Loaded { $reports } reports and { $difficulties } difficulties{ $known ->
    [0] .
   *[other] ; { $known } entries were already there and were not written again.
}
cli-as-of-invalid = --as-of "{ $value }" is not a valid date; write day, month and year in full (for example: --as-of 26/02/2020)
cli-as-of-future = --as-of { $date } has not come yet (today is { $today }); figures can only be computed up to the end of today

## Status (progress totals)

status-title = { $name } ({ $code })
status-campaign = { $campaign }
status-no-campaign = No campaign yet (add a campaign section to the organisation file).
status-as-of = Figures as of { $date }.
status-line = { $label }: { $held }/{ $total } held their congress ({ $percent }); draft documents { $documents }/{ $total }; personnel plan { $personnel }/{ $total }
status-label = { $kind ->
    [grassroots] Grassroots organisations
    [committees] of which grassroots committees
    [grassroots-cells] of which grassroots cells
    [partial] Partial committees
    [cell] Cells
    [district] District committees
   *[province] Province committees
}
status-total = Total: { $units } units, { $held } congresses held.

## Start-up

## Milestones and checklists (shared by reporting, status, onboarding)

milestone-name = { $milestone ->
    [plan] Congress plan
    [documents] Draft political and self-review reports
    [personnel] Personnel plan
    [scheduled] Congress date set
   *[held] Congress held
}
checklist-title = { $unit }{ $parent ->
    [none] {""}
   *[other] {" "}({ $parent })
}{ $term ->
    [none] {""}
   *[other] {" "}— term { $term }
}
checklist-no-campaign = No congress campaign is running.
next-due = Next: { $milestone }{ $date ->
    [none] {""}
   *[other] {" "}(due { $date })
}.
next-due-none = The unit has reached every milestone of the campaign.

## Scheduled jobs on demand (CLI)

cli-digest-no-groups = no group is linked to receive the progress digest (see: group link-code)
cli-digest-queued = Progress digest queued for { $count } group(s).
cli-remind-queued = { $count } reminder(s) queued.
cli-outbox-left-for-bot = No TELEGRAM_BOT_TOKEN: the messages will be sent when the bot runs.
cli-outbox-delivered = Sent { $count } message(s).
