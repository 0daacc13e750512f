## Language (/lang)

language-command = Choose the language (Vietnamese, English)
help-language = /lang — choose the language the assistant writes to you in; in a linked group, an administrator chooses the language of the group's digest (Vietnamese: /ngonngu)
language-choose = Choose the language the assistant writes to you in:
language-set-person = From now on the assistant writes to you in English.
language-unknown-person = You are not on the assistant's roster yet, so it uses your Telegram language. Please ask the party committee office for an invite code.
language-unknown = The assistant has no language "{ $value }"; only Vietnamese (vi) and English (en).
language-example = Example: /lang vi, or send /lang and press a button.
language-group-choose = Choose the language of the group's daily digest ({ $unit }):
language-set-group = The group's daily digest (at { $time }) is written in English from now on.
language-group-not-admin = Only an administrator of { $unit } (code { $code }) or above can change the language of the group's digest. Everyone can choose their own language with /lang in a private chat with the assistant.
language-group-press-not-admin = Only an administrator of the unit linked to this group can change the digest's language.
language-button-stale = This choice is no longer valid. Please send /lang again.
