## Outbox (npm run cli -- outbox status)

outbox-cli-summary = Outbox: { $pending } pending ({ $waiting } waiting for a retry or a later time), { $sent } sent, { $failed } failed.
outbox-cli-failures = Undeliverable messages ({ $count }), newest first:
outbox-cli-failure-line = • { $channel ->
    [webpush] browser notifications of person { $chat }
   *[telegram] chat { $chat }
} · { $kind } · { $error } · { $date }
outbox-cli-more = … and { $count } more.
