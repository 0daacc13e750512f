## Language (/ngonngu)

language-command = Chọn ngôn ngữ (tiếng Việt, tiếng Anh)
help-language = /ngonngu — chọn ngôn ngữ Trợ lý dùng với đồng chí; trong nhóm đã liên kết, quản trị chọn ngôn ngữ bản tin của nhóm (tiếng Anh: /lang)
language-choose = Đồng chí chọn ngôn ngữ Trợ lý dùng khi nhắn cho đồng chí:
language-set-person = Từ nay Trợ lý nhắn cho đồng chí bằng tiếng Việt.
language-unknown-person = Đồng chí chưa có trong danh sách của Trợ lý, nên Trợ lý dùng ngôn ngữ cài đặt trong Telegram. Liên hệ Văn phòng cấp ủy để nhận mã mời.
language-unknown = Trợ lý chưa có ngôn ngữ "{ $value }"; chỉ có tiếng Việt (vi) và tiếng Anh (en).
language-example = Ví dụ: /ngonngu en, hoặc gõ /ngonngu rồi bấm nút.
language-group-choose = Chọn ngôn ngữ cho bản tin hằng ngày của nhóm ({ $unit }):
language-set-group = Bản tin hằng ngày của nhóm (lúc { $time }) từ nay viết bằng tiếng Việt.
language-group-not-admin = Chỉ quản trị của { $unit } (mã { $code }) hoặc cấp trên mới đổi ngôn ngữ bản tin của nhóm. Mỗi thành viên chọn ngôn ngữ của riêng mình bằng /ngonngu trong tin nhắn riêng với Trợ lý.
language-group-press-not-admin = Chỉ quản trị của đơn vị liên kết với nhóm mới đổi ngôn ngữ bản tin.
language-button-stale = Lựa chọn này không còn hiệu lực. Gõ lại /ngonngu.
