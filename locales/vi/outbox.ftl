## Hàng đợi tin nhắn (npm run cli -- outbox status)

outbox-cli-summary = Hàng đợi tin nhắn: { $pending } chờ gửi ({ $waiting } đang chờ gửi lại hoặc chưa đến giờ), { $sent } đã gửi, { $failed } không gửi được.
outbox-cli-failures = Tin nhắn không gửi được ({ $count }), mới nhất trước:
outbox-cli-failure-line = • { $who } · { $kind } · { $error } · { $date }
outbox-cli-who-person = { $name }{ $phone ->
    [none] {""}
   *[other] {" "}({ $phone })
}{ $channel ->
    [webpush] , thông báo trình duyệt
   *[telegram] , Telegram
}
outbox-cli-who-group = nhóm { $title ->
    [none] {""}
   *[other] "{ $title }"{" "}
}của { $unit }
outbox-cli-who-unknown = { $channel ->
    [webpush] thông báo trình duyệt của người số { $chat }
   *[telegram] cuộc trò chuyện { $chat }
} (không còn trong danh sách)
outbox-cli-more = … và { $count } tin khác.
