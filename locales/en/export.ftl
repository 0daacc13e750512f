## Excel export (/export, `npm run cli -- export`)

export-command = Export congress progress to an Excel file
help-export = /export [UNIT_CODE] — sends an Excel file (summary, progress, election results, statistics per level, open difficulties) and a Word report of the units you may see (Vietnamese: /xuat)
export-private-only = Data files are sent only in a private chat with the assistant. Message @{ $bot } privately and send /export.
export-not-allowed =
    Exports are for the standing committee, the office, working-group leaders and secretaries of grassroots committees; you do not hold such a role.
    If you need the figures, please contact the party committee's office.
export-bad-code = "{ $code }" is not a unit code. Send /export for every unit you may see, or add a unit code, for example: /export { $example }
export-unknown-unit = There is no unit with code "{ $code }". Example: /export { $example }
export-unit-not-allowed = You may not see the figures of { $unit } ({ $code }). You may export: { $allowed }. Example: /export { $example }
export-caption = Congress progress — { $scope }. Figures as of { $time } on { $date }.
export-file-name = congress-progress
export-cli-summary = { $units } units, { $elections } congresses held, { $difficulties } open difficulties.
export-cli-bad-format = format "{ $value }" is not valid; use one of: xlsx, csv, docx (for example: export --format xlsx --out progress.xlsx)
export-cli-docx-congress-only = the Word report (docx) is for the congress campaign only; campaign "{ $key }" exports as xlsx or csv (for example: export --campaign { $key } --out { $key }.xlsx)
export-cli-bad-out = the output file "{ $file }" must end in .{ $format } (for example: --out progress.{ $format })
export-cli-cannot-write = cannot write { $file }: { $reason }

export-title = { $organization }{ $scope ->
    [whole] {""}
   *[other] {" — "}{ $scope }
} — figures as of { $time } on { $date }{ $campaign ->
    [none] {""}
   *[other] {" "}— { $campaign }
}
export-sheet = { $sheet ->
    [summary] Summary
    [units] Unit status
    [elections] Election results
    [statistics] Statistics by level
   *[difficulties] Open difficulties
}
export-level = { $level ->
    [province] Province committee
    [district] District committee
    [grassroots] Grassroots organisation
    [partial] Partial committee
    [cell] Cell
   *[all] Total
}
export-yes = Yes
export-no = No
export-no-results = The report has no election results
export-sensitive-text = 🔒 Complaint letter: text not shown

export-column = { $column ->
    [code] Code
    [unit] Unit
    [level] Level
    [parent-code] Parent code
    [parent] Parent unit
    [pilot] Pilot congress (date)
    [plan] Plan
    [documents] Draft documents
    [personnel] Personnel plan
    [scheduled] Congress date (set)
    [held] Congress held on
    [held-deadline] Congress deadline
    [done-late] Milestones done after the deadline
    [reported-late] Milestones reported after the deadline (done on time)
    [overdue] Overdue
    [overdue-days] Days overdue
    [paused] Postponed (reminders paused)
    [difficulties] Open difficulties
    [secretary] Secretary
    [congress-date] Congress date
    [planned] Committee planned
    [elected] Committee elected
    [in-full] Elected in full
    [standing] Standing committee
    [standing-women] Women on the standing committee
    [women] Women
    [under-35] Under 35
    [aged-35-to-50] Aged 35 to 50
    [over-50] Over 50
    [re-elected] Re-elected
    [postgraduate] Postgraduate
    [graduate] College or university
    [theory-advanced] Advanced political theory
    [theory-intermediate] Intermediate political theory
    [lowest-vote-share] Lowest share of votes
    [highest-vote-share] Highest share of votes
    [delegates-ex-officio] Delegates ex officio
    [new] New members
    [secretary-direct] Secretary elected directly
    [one-round] Elected in one round
    [delegates] Delegates elected to the higher congress
    [summoned] Summoned
    [present] Present
    [note] Note
    [units] Units
    [held-count] Congresses held
    [held-share] Share held
    [with-results] With election results
    [elected-share] Elected / planned
    [in-full-count] Units elected in full
    [short-count] Units elected short
    [short-units] Units elected short (codes)
    [women-share] Share of women
    [under-35-share] Share under 35
    [re-elected-share] Share re-elected
    [new-share] Share of new members
    [secretary-direct-count] Secretaries elected directly
    [one-round-count] Units elected in one round
    [aged-35-to-50-share] Share aged 35 to 50
    [over-50-share] Share over 50
    [postgraduate-share] Share postgraduate
    [graduate-share] Share college or university
    [theory-advanced-share] Share with advanced political theory
    [theory-intermediate-share] Share with intermediate political theory
    [standing-women-share] Share of women on the standing committee
    [present-share] Share present
    [opened-at] Raised on
   *[text] Text
}

## The summary sheet (first sheet of the export)

export-summary-party = COMMUNIST PARTY OF VIETNAM
export-summary-dated = { $place }, { $date }
export-summary-title = SUMMARY OF CONGRESS PROGRESS
export-summary-as-of = Figures as of { $date }
export-summary-scope = Scope: { $scope }
export-summary-prepared = PREPARED BY
export-summary-signed = ON BEHALF OF THE STANDING COMMITTEE
export-summary-signature-note = (Signature and full name)
export-summary-ratio = { $part }/{ $whole } ({ $percent })
export-summary-state = { $state ->
    [held] Held
    [scheduled] Date set
   *[not-scheduled] No date yet
}
export-summary-done = Done
export-summary-not-done = Not done
export-summary-pilot-held = Pilot congress
export-summary-pilot = Pilot congress, planned { $date }
export-summary-pilot-passed = Pilot congress planned { $date }: the day has passed, no report
export-summary-difficulties = { $count } open difficulties
export-summary-total = { $level ->
    [province] Total province committees
    [district] Total district committees
    [grassroots] Total grassroots organisations
    [partial] Total partial committees
   *[cell] Total cells
}
export-summary-column = { $column ->
    [stt] No.
    [grassroots] Grassroots organisation
    [cells-held] Cells that held their congress
    [cells-total] Cells
    [cells-share] Share of cells held
    [congress] Its own congress
    [congress-date] Congress date (held or set)
    [documents] Draft documents
    [personnel] Personnel plan
   *[remarks] Remarks
}

## The narrative report (.docx: /export, `export --format docx`)

narrative-title = REPORT
narrative-subject = Progress of { $campaign ->
    [none] the congresses
   *[other] { $campaign }
}
narrative-as-of = (Figures as of { $date })
narrative-section = { $section ->
    [cells] Congresses of the cells under grassroots committees
    [grassroots] Congresses of the grassroots organisations
    [preparation] Preparing the grassroots congresses
    [elections] Election results
   *[difficulties] Difficulties
}
narrative-cells = As of { $date }, { $held }/{ $total } cells under { $committees } grassroots committees have held their congress ({ $percent }); { $scheduled } cells have set a date; { $rest } cells have not set a date yet.
narrative-partial = Partial committees: { $held }/{ $total } have held their congress ({ $percent }).
narrative-grassroots = As of { $date }, { $held }/{ $total } grassroots organisations have held their congress ({ $percent }); { $scheduled } have set a date.
narrative-pilot = { $state ->
    [held] The pilot congress of { $unit } was held on { $date }.
    [scheduled] The pilot congress of { $unit } is set for { $date }.
    [passed] The pilot congress of { $unit } was planned for { $date } and has not been reported held.
   *[planned] The pilot congress of { $unit } is planned for { $date }; no date has been set yet.
}
narrative-documents = { $done }/{ $total } grassroots organisations have finished their draft political and self-review reports ({ $percent }){ $pending ->
    [0] .
   *[other] ; the other { $pending } are still drafting them: { $list }.
}
narrative-personnel = { $done }/{ $total } grassroots organisations have finished the personnel plan for their new committee ({ $percent }).
narrative-no-elections = No congress has reported election results yet.
narrative-difficulty = { $unit }: { $text }
narrative-difficulty-hidden = { $unit }: a complaint letter (its text is not written in the report).
narrative-no-difficulties = No unit has reported a difficulty.
narrative-file-name = congress-progress-report
narrative-caption = Congress progress report (a Word file to edit and sign) — { $scope }. Figures as of { $date }.
