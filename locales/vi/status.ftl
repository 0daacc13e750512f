## Status of one's units (/trangthai)

status-card-command = Tình trạng các mốc đại hội của đơn vị
help-status = /trangthai — tình trạng các mốc đại hội và khó khăn đang mở của đơn vị đồng chí; tổ trưởng Tổ công tác xem thêm tiến độ các đơn vị theo dõi (tiếng Anh: /status)
status-card-private-only = Tình trạng đơn vị chỉ gửi trong tin nhắn riêng với Trợ lý. Đồng chí nhắn riêng cho @{ $bot } và gõ /trangthai.
status-card-nothing =
    Đồng chí không trực tiếp phụ trách đơn vị nào (bí thư, phó bí thư, người báo cáo hoặc tổ trưởng Tổ công tác), nên chưa có tình trạng để hiển thị.
    Cần hỗ trợ, liên hệ Văn phòng cấp ủy.
status-card-difficulties-none = Khó khăn đang mở: không.
status-card-difficulties = Khó khăn đang mở ({ $count }):
status-card-difficulty = • { $text } ({ $date })
status-card-difficulty-hidden = • 🔒 Đơn thư, khiếu nại, tố cáo: không hiển thị nội dung ({ $date })
status-card-group-none = Tổ công tác chưa được giao đơn vị nào để theo dõi.
