## Group binding: a group chat gets data only once it is linked to a unit (/lienketnhom)

group-added-unbound =
    Kính chào các đồng chí! Trợ lý Đại hội chỉ làm việc trong nhóm đã được liên kết với một đơn vị.
    Đề nghị đồng chí quản trị gửi vào nhóm /lienketnhom MÃ trong vòng { $minutes } phút (trước { $time } ngày { $date }); mã liên kết lấy bằng lệnh /malienket trong tin nhắn riêng với Trợ lý, hoặc do Văn phòng cấp ủy cấp.
    Nếu đến thời hạn trên nhóm chưa được liên kết, Trợ lý xin phép rời nhóm.
group-added-bound = Kính chào các đồng chí! Nhóm này đã được liên kết với { $unit } ({ $code }); nhóm sẽ nhận báo cáo tiến độ hằng ngày lúc { $time }.
group-how-to-link = Để liên kết, đồng chí quản trị gửi /lienketnhom MÃ trước { $time } ngày { $date }; sau thời hạn đó Trợ lý sẽ rời nhóm.
group-leaving = Nhóm này chưa được liên kết với đơn vị nào, nên Trợ lý xin phép rời nhóm. Khi cần, đề nghị đồng chí quản trị lấy mã bằng lệnh /malienket, thêm lại Trợ lý vào nhóm và gửi /lienketnhom MÃ trong vòng { $minutes } phút.

group-linked = Đã liên kết nhóm với { $unit } ({ $code }); nhóm sẽ nhận báo cáo tiến độ hằng ngày lúc { $time }.
group-already-linked = Nhóm này đã được liên kết với { $unit } ({ $code }). Muốn liên kết với đơn vị khác, đồng chí quản trị của đơn vị gửi /huylienket trong nhóm trước, rồi gửi /lienketnhom với mã mới.
group-link-usage = Cách dùng (trong nhóm cần liên kết): /lienketnhom MÃ, với mã liên kết do đồng chí quản trị lấy bằng lệnh /malienket.
group-link-in-group-only = Lệnh /lienketnhom phải gửi trong nhóm cần liên kết: thêm Trợ lý vào nhóm, rồi gửi /lienketnhom MÃ trong nhóm đó. Mã chưa bị sử dụng.
group-code-invalid = Mã liên kết không đúng: có thể mã bị chép thiếu hoặc sai. Đề nghị chép lại đúng mã; nếu vẫn không được, đề nghị đồng chí quản trị cấp mã mới bằng lệnh /malienket.
group-code-used = Mã liên kết này đã được sử dụng. Đề nghị đồng chí quản trị cấp mã mới bằng lệnh /malienket.
group-code-expired = Mã liên kết này đã hết hạn lúc { $time } ngày { $date }. Đề nghị đồng chí quản trị cấp mã mới bằng lệnh /malienket.
group-code-revoked = Mã liên kết này không còn hiệu lực (đơn vị đã được lưu trữ). Đề nghị liên hệ Văn phòng cấp ủy.

group-unlinked = Đã hủy liên kết nhóm với { $unit } ({ $code }); nhóm sẽ không nhận báo cáo tiến độ nữa. Muốn liên kết với đơn vị khác, gửi /lienketnhom MÃ trước { $time } ngày { $date }; sau thời hạn đó Trợ lý sẽ rời nhóm.
group-unlink-not-admin = Chỉ đồng chí quản trị phụ trách { $unit } ({ $code }) mới hủy được liên kết của nhóm này.
group-unlink-in-group-only = Lệnh /huylienket phải gửi trong nhóm cần hủy liên kết.

group-code-private-only = Lệnh /malienket chỉ dùng trong tin nhắn riêng với Trợ lý, để mã liên kết không lộ trong nhóm.
group-code-not-admin = Lệnh /malienket chỉ dành cho cán bộ quản trị. Nếu nhóm của đơn vị cần nhận báo cáo tiến độ, đề nghị đồng chí liên hệ Văn phòng cấp ủy.
group-code-usage = Cách dùng: /malienket MÃ_ĐƠN_VỊ, ví dụ /malienket GT
group-code-unknown-unit =
    Không có đơn vị mã "{ $code }".
    { group-code-usage }
group-code-out-of-scope = { $unit } ({ $code }) không thuộc phạm vi quản trị của đồng chí, nên đồng chí chưa cấp được mã liên kết cho nhóm của đơn vị này.
group-code-created = Mã liên kết nhóm cho { $unit } ({ $code }): dùng một lần, hết hạn lúc { $time } ngày { $date }.
group-code-instruction = Thêm Trợ lý vào nhóm của đơn vị, rồi trong vòng { $minutes } phút gửi vào nhóm dòng sau:

## Group binding: command line (npm run cli -- group …)

group-cli-created = Đã tạo mã liên kết nhóm số { $id } cho { $unit } ({ $code }): dùng một lần, hết hạn lúc { $time } ngày { $date }.
group-cli-bad-expires = thời hạn "{ $value }" không hợp lệ; viết dạng 7d (ngày) hoặc 12h (giờ), tối đa 90d
group-cli-list-empty = Chưa có nhóm nào được liên kết.
group-cli-list-line = { $code }  { $unit }  nhóm { $chat }  "{ $title }"  từ { $since }
group-cli-bad-chat = "{ $value }" không phải mã số (chat id) của nhóm; ví dụ -1001234567890 (xem: group list)
group-cli-not-linked = không có nhóm nào với chat id { $chat } được liên kết
group-cli-unlinked = Đã hủy liên kết nhóm { $chat } ("{ $title }") với { $unit } ({ $code }).
