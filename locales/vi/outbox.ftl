## Hàng đợi tin nhắn (npm run cli -- outbox status)

outbox-cli-summary = Hàng đợi tin nhắn: { $pending } chờ gửi ({ $waiting } đang chờ gửi lại hoặc chưa đến giờ), { $sent } đã gửi, { $failed } không gửi được.
outbox-cli-failures = Tin nhắn không gửi được ({ $count }), mới nhất trước:
outbox-cli-failure-line = • { $channel ->
    [webpush] thông báo trình duyệt của người số { $chat }
   *[telegram] cuộc trò chuyện { $chat }
} · { $kind } · { $error } · { $date }
outbox-cli-more = … và { $count } tin khác.
