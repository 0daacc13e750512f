## Group binding: a group chat gets data only once it is linked to a unit (/linkgroup)

group-added-unbound =
    Hello, everyone! The Congress Assistant only works in groups linked to a unit.
    An administrator, please send /linkgroup CODE in this group within { $minutes } minutes (before { $time } on { $date }); get the link code with /linkcode in a private chat with the assistant, or from the party committee office.
    If the group is not linked by then, the assistant will leave it.
group-added-bound = Hello, everyone! This group is linked to { $unit } ({ $code }); it gets the daily progress report at { $time }.
group-how-to-link = To link it, an administrator sends /linkgroup CODE before { $time } on { $date }; after that the assistant will leave the group.
group-leaving = This group is not linked to any unit, so the assistant is leaving it. When needed, an administrator can get a code with /linkcode, add the assistant again and send /linkgroup CODE within { $minutes } minutes.

group-linked = This group is now linked to { $unit } ({ $code }); it will get the daily progress report at { $time }.
group-already-linked = This group is already linked to { $unit } ({ $code }). To link it to another unit, an administrator of the unit first sends /unlinkgroup in the group, then /linkgroup with the new code.
group-link-usage = Usage (in the group to link): /linkgroup CODE, with a link code an administrator gets with /linkcode.
group-link-in-group-only = Send /linkgroup in the group you want to link: add the assistant to the group, then send /linkgroup CODE there. The code has not been used.
group-code-invalid = This link code is not valid: it may have been copied incompletely. Please copy it again; if it still fails, ask an administrator for a new one (/linkcode).
group-code-used = This link code has already been used. Please ask an administrator for a new one (/linkcode).
group-code-expired = This link code expired at { $time } on { $date }. Please ask an administrator for a new one (/linkcode).
group-code-revoked = This link code is no longer valid (the unit was archived). Please contact the party committee office.

group-unlinked = The group is no longer linked to { $unit } ({ $code }) and will not get progress reports. To link it to another unit, send /linkgroup CODE before { $time } on { $date }; after that the assistant will leave the group.
group-unlink-not-admin = Only an administrator in charge of { $unit } ({ $code }) can unlink this group.
group-unlink-in-group-only = Send /unlinkgroup in the group you want to unlink.

group-code-private-only = The /linkcode command only works in a private chat with the assistant, so that link codes are not exposed in a group.
group-code-not-admin = The /linkcode command is for administrators. If your unit's group should get progress reports, please contact the party committee office.
group-code-usage = Usage: /linkcode UNIT_CODE, e.g. /linkcode GT
group-code-unknown-unit =
    There is no unit with code "{ $code }".
    { group-code-usage }
group-code-out-of-scope = { $unit } ({ $code }) is outside the units you administer, so you cannot make a link code for its group.
group-code-created = Group link code for { $unit } ({ $code }): single use, expires at { $time } on { $date }.
group-code-instruction = Add the assistant to the unit's group, then within { $minutes } minutes send this line in the group:

## Group binding: command line (npm run cli -- group …)

group-cli-created = Created group link code { $id } for { $unit } ({ $code }): single use, expires at { $time } on { $date }.
group-cli-bad-expires = duration "{ $value }" is not valid; write 7d (days) or 12h (hours), at most 90d
group-cli-list-empty = No group is linked yet.
group-cli-list-line = { $code }  { $unit }  chat { $chat }  "{ $title }"  since { $since }
group-cli-bad-chat = "{ $value }" is not a group chat id; e.g. -1001234567890 (see: group list)
group-cli-not-linked = no linked group has chat id { $chat }
group-cli-unlinked = Unlinked group { $chat } ("{ $title }") from { $unit } ({ $code }).
