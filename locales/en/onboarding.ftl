## Onboarding: who a Telegram user is (invite links, phone sharing) and admin invites (/invite, invite CLI)

onboarding-share-phone-button = 📱 Share my phone number
onboarding-share-phone-placeholder = Press the button below to share your phone number
onboarding-bound-roles = Your account is confirmed. Your assignments:
onboarding-bound-no-roles = Your account is confirmed. You have no unit to report for yet.
onboarding-invite-invalid = This invite code is not valid: the link may have been copied incompletely or wrongly. Please open the link exactly as you received it; if it still fails, ask the party committee office for a new one.
onboarding-invite-used = This invite code has already been used. Please ask the party committee office for a new one.
onboarding-invite-expired = This invite code expired on { $date }. Please ask the party committee office for a new one.
onboarding-invite-revoked = This invite code has been revoked and can no longer be used. If you still need access, ask the party committee office for a new one.
onboarding-contact-not-own = The assistant only accepts your own phone number. Please press the «{ onboarding-share-phone-button }» button below (if you do not see it, type /start).
onboarding-phone-unknown = This phone number is not on the party committee office's list yet. Contact the party committee office to be added to the list or to get an invite code.
onboarding-phone-taken = This phone number is already linked to another Telegram account. If you have changed your Telegram account, contact the party committee office for help.
onboarding-account-taken = Your Telegram account is already linked to someone else on the list, so this phone number cannot be linked to it. Contact the party committee office to have it checked.

invite-private-only = The /invite command only works in a private chat with the assistant, so that invite codes are not exposed in a group.
invite-not-admin = The /invite command is for administrators of the party committee office. If someone else needs to report, please contact the party committee office.
invite-usage =
    Usage: /invite UNIT_CODE [ROLE], e.g. /invite GT-01 secretary
    Roles: secretary (the default), deputy, reporter, standing, admin.
invite-unknown-unit =
    There is no unit with code "{ $code }".
    { invite-usage }
invite-unknown-role =
    There is no role "{ $role }".
    { invite-usage }
invite-out-of-scope = { $unit } ({ $code }) is outside the units you administer, so you cannot invite anyone to it.
invite-created =
    Invite for the role of { $role }, { $unit } ({ $code }); single use, expires at { $time } on { $date }:
    { $link }
    Send this link only to the person you invite: whoever opens it first gets this role.

## Onboarding: command line (npm run cli -- invite …)

invite-cli-created = Created invite { $id }: role { $role }, { $unit } ({ $code }); single use, expires at { $time } on { $date }.
invite-cli-no-username = The bot's username is unknown, so no link could be made (set TELEGRAM_BOT_USERNAME=bot_name, or TELEGRAM_BOT_TOKEN). The invited person opens the bot in Telegram and sends the line above as it is.
invite-cli-getme-failed = Telegram could not be asked for the bot's username, so no link could be made (you can set TELEGRAM_BOT_USERNAME=bot_name). The invited person opens the bot in Telegram and sends the line above as it is.
invite-cli-bad-username = TELEGRAM_BOT_USERNAME "{ $value }" is not a Telegram bot username (e.g. daihoi_longbien_bot)
invite-cli-list-empty = There are no invites yet.
invite-cli-list-line = #{ $id }  { $code }  { $role }  expires { $expires }  { $state ->
    [used] used { $used } ({ $name })
    [revoked] revoked { $revoked }
    [expired] expired
   *[active] active
}
invite-cli-revoked = Revoked invite { $id } (role { $role }, { $code }).
invite-cli-already-revoked = Invite { $id } was already revoked; nothing changed.
invite-cli-used = invite { $id } was used at { $time } on { $date } and can no longer be revoked
invite-cli-unknown = there is no such invite
invite-cli-missing-which = give --token TOKEN (or the whole link) or --id NUMBER
invite-cli-bad-id = "{ $value }" is not an invite number (see: invite list)
invite-cli-bad-expires = expiry "{ $value }" is not valid; write it as 14d (days) or 12h (hours), at most 90d
invite-cli-bad-role = role "{ $value }" is not valid; choose one of: secretary, deputy, reporter, standing, admin

## Onboarding: the command menu and /help

invite-command = Make an invite link for a unit (administrators)
help-invite = /invite CODE [ROLE] — make an invite link for a role at a unit, e.g. /invite GT-01 secretary (Vietnamese: /moi)
help-access = To use the assistant you need to be recognised: if you are on the party committee office's list, type /start and press the «{ onboarding-share-phone-button }» button; if not, open the invite link the party committee office sends you.
