## Outbox (npm run cli -- outbox status)

outbox-cli-summary = Outbox: { $pending } pending ({ $waiting } waiting for a retry or a later time), { $sent } sent, { $failed } failed.
outbox-cli-failures = Undeliverable messages ({ $count }), newest first:
outbox-cli-failure-line = • { $who } · { $kind } · { $error } · { $date }
outbox-cli-who-person = { $name }{ $phone ->
    [none] {""}
   *[other] {" "}({ $phone })
}{ $channel ->
    [webpush] , browser notifications
   *[telegram] , Telegram
}
outbox-cli-who-group = the group { $title ->
    [none] {""}
   *[other] "{ $title }"{" "}
}of { $unit }
outbox-cli-who-unknown = { $channel ->
    [webpush] browser notifications of person { $chat }
   *[telegram] chat { $chat }
} (no longer on the roster)
outbox-cli-more = … and { $count } more.
