## Local sandbox (src/sandbox): the console line and the page's texts

sandbox-started = Môi trường thử (sandbox) đang chạy: { $url }
sandbox-explained = Không có TELEGRAM_BOT_TOKEN (hoặc SANDBOX=1), nên bot chạy trên Telegram giả lập trong máy, với dữ liệu mẫu riêng ở { $dir }. Mở địa chỉ trên bằng trình duyệt để thử mọi vai trò.
sandbox-database-url-ignored = DATABASE_URL không được dùng trong môi trường thử: môi trường thử luôn dùng cơ sở dữ liệu nhúng riêng.
sandbox-group-title = Ban Thường vụ — { $unit }

sandbox-page-title = Trợ lý Đại hội — môi trường thử
sandbox-page-banner = SANDBOX · MÔI TRƯỜNG THỬ — Telegram giả lập trong máy này, dữ liệu mẫu, không gửi gì ra ngoài.
sandbox-page-starting = Đang khởi động môi trường thử…
sandbox-page-failed = Môi trường thử không khởi động được:
sandbox-page-personas = Thử với vai trò
sandbox-page-search = Tìm theo tên hoặc đơn vị…
sandbox-page-featured = Gợi ý
sandbox-page-results = Kết quả tìm kiếm
sandbox-page-no-results = Không tìm thấy ai.
sandbox-page-more = Còn { $count } người nữa — gõ thêm để thu hẹp.
sandbox-page-group = Nhóm chat
sandbox-page-not-bound = chưa kết nối Telegram
sandbox-page-pick = Chọn một người ở bên trái để trò chuyện với bot như trên Telegram.
sandbox-page-empty-chat = Chưa có tin nhắn. Gửi /start để bắt đầu.
sandbox-page-empty-unbound = Đồng chí này chưa kết nối Telegram với bot: gửi /start rồi bấm nút chia sẻ số điện thoại.
sandbox-page-composer = Nhập tin nhắn hoặc lệnh, ví dụ /baocao
sandbox-page-send = Gửi
sandbox-page-speaking-as = Viết trong nhóm với tư cách:
sandbox-page-clock = Giờ trong môi trường thử
sandbox-page-run-scheduler = Chạy lịch ngay
sandbox-page-next-digest = Đến giờ gửi báo cáo ngày
sandbox-page-plus-hour = +1 giờ
sandbox-page-plus-day = +1 ngày
sandbox-page-next-digest-at = Báo cáo ngày tiếp theo:
sandbox-page-edited = đã sửa
sandbox-page-deleted = Tin nhắn đã bị xóa
sandbox-page-download = Tải về
sandbox-page-commands = Lệnh của bot
sandbox-page-language = English
sandbox-page-error = Không thực hiện được:
sandbox-page-text-too-long = Tin nhắn dài quá 4.096 ký tự.
sandbox-page-working-group-leader = Tổ trưởng
sandbox-page-working-group-member = Thành viên
sandbox-page-role-secretary = Bí thư
sandbox-page-role-deputy = Phó Bí thư
sandbox-page-role-reporter = Người báo cáo
sandbox-page-role-standing = Ủy viên Ban Thường vụ
sandbox-page-role-admin = Quản trị
sandbox-page-bot = bot
sandbox-page-members-added = { $names } đã được thêm vào nhóm
sandbox-page-member-left = { $names } đã rời nhóm
