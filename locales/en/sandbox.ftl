## Local sandbox (src/sandbox): the console line and the page's texts

sandbox-started = Sandbox running: { $url }
sandbox-explained = No TELEGRAM_BOT_TOKEN (or SANDBOX=1), so the bot runs against an emulated Telegram on this machine, with its own demo data in { $dir }. Open the address above in a browser to try every role.
sandbox-database-url-ignored = DATABASE_URL is not used in the sandbox: the sandbox always uses its own embedded database.
sandbox-group-title = Standing committee — { $unit }

sandbox-page-title = Congress Assistant — sandbox
sandbox-page-banner = SANDBOX — Telegram emulated on this machine, demo data, nothing leaves it.
sandbox-page-starting = Starting the sandbox…
sandbox-page-failed = The sandbox could not start:
sandbox-page-personas = Try as
sandbox-page-search = Search by name or unit…
sandbox-page-featured = Suggested
sandbox-page-results = Search results
sandbox-page-no-results = Nobody found.
sandbox-page-more = { $count } more — type more to narrow down.
sandbox-page-group = Group chat
sandbox-page-not-bound = not on Telegram yet
sandbox-page-pick = Pick someone on the left to talk to the bot as on Telegram.
sandbox-page-empty-chat = No messages yet. Send /start to begin.
sandbox-page-empty-unbound = This person has not joined the bot yet: send /start, then press the share-phone-number button.
sandbox-page-composer = Type a message or a command, e.g. /report
sandbox-page-send = Send
sandbox-page-speaking-as = Writing in the group as:
sandbox-page-clock = Sandbox time
sandbox-page-run-scheduler = Run the scheduler now
sandbox-page-next-digest = Jump to the daily digest
sandbox-page-plus-hour = +1 hour
sandbox-page-plus-day = +1 day
sandbox-page-next-digest-at = Next daily digest:
sandbox-page-edited = edited
sandbox-page-deleted = Message deleted
sandbox-page-download = Download
sandbox-page-commands = Bot commands
sandbox-page-language = Tiếng Việt
sandbox-page-error = Could not do that:
sandbox-page-text-too-long = The message is longer than 4,096 characters.
sandbox-page-working-group-leader = Leader
sandbox-page-working-group-member = Member
sandbox-page-role-secretary = Secretary
sandbox-page-role-deputy = Deputy secretary
sandbox-page-role-reporter = Reporter
sandbox-page-role-standing = Standing committee
sandbox-page-role-admin = Admin
sandbox-page-bot = bot
sandbox-page-members-added = { $names } joined the group
sandbox-page-member-left = { $names } left the group
