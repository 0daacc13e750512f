## Difficulties (/khokhan)

difficulty-command = Báo khó khăn, vướng mắc cho Tổ công tác
help-difficulties =
    /khokhan NỘI DUNG — báo khó khăn, vướng mắc của đơn vị để Tổ công tác theo dõi, tháo gỡ (tiếng Anh: /problem)
    Ví dụ: /khokhan Chưa thống nhất phương án nhân sự
    /khokhan — xem các khó khăn đang mở và xác nhận khó khăn đã được giải quyết
difficulty-private-only = Khó khăn, vướng mắc chỉ báo trong tin nhắn riêng với Trợ lý, để nội dung không hiển thị trong nhóm. Đồng chí nhắn riêng cho @{ $bot } và gõ /khokhan kèm nội dung.
difficulty-not-allowed =
    Đồng chí chưa được giao đơn vị nào để báo khó khăn. Khó khăn của đơn vị do bí thư, phó bí thư, người báo cáo của đơn vị hoặc tổ trưởng Tổ công tác theo dõi đơn vị báo và xác nhận.
    Cần hỗ trợ, liên hệ Văn phòng cấp ủy.
difficulty-example =
    Để báo khó khăn, đồng chí gõ /khokhan và ghi nội dung ngay sau lệnh, ví dụ:
    /khokhan Chưa thống nhất phương án nhân sự
difficulty-too-long = Nội dung khó khăn dài { $length } ký tự, vượt giới hạn { $max } ký tự. Đồng chí rút gọn rồi gửi lại; nội dung chi tiết xin gửi bằng văn bản cho Tổ công tác.
difficulty-unit = { $unit }{ $parent ->
    [none] {""}
   *[other] {" "}({ $parent })
}
difficulty-choose-unit =
    Đồng chí báo khó khăn này cho đơn vị nào?
    "{ $text }"
difficulty-button-cancel = ✖️ Hủy
difficulty-cancelled = Đã hủy, chưa ghi nhận khó khăn nào.
difficulty-recorded =
    Đã ghi nhận khó khăn của { $unit }:
    "{ $text }"
difficulty-recorded-notified = Trợ lý đã báo cho Tổ trưởng Tổ công tác: { $names }.
difficulty-recorded-nobody = Tổ trưởng Tổ công tác theo dõi đơn vị chưa nhận tin qua Trợ lý; đề nghị đồng chí báo trực tiếp cho Tổ công tác.
difficulty-recorded-sensitive = Nội dung liên quan đến đơn thư, khiếu nại, tố cáo được bảo mật: báo cáo chung chỉ ghi số lượng, không trích nội dung.
difficulty-button-stale = Lựa chọn này không còn hiệu lực. Đồng chí gửi lại /khokhan kèm nội dung khó khăn.
difficulty-unit-code-not-yours =
    { $code } là mã của { $unit }, không phải đơn vị đồng chí phụ trách, nên Trợ lý chưa ghi nhận khó khăn này.
    Khó khăn của đơn vị mình, đồng chí gõ nội dung ngay sau lệnh, ví dụ: /khokhan Chưa thống nhất phương án nhân sự
    Nếu nội dung có nhắc đến { $code }, đồng chí viết mã đó ở sau, ví dụ: /khokhan Chưa mượn được hội trường của { $code }
difficulty-unit-not-allowed = Đồng chí không có quyền báo khó khăn cho đơn vị này.
difficulty-open-title = Khó khăn đang mở ở các đơn vị đồng chí theo dõi: { $count }.
difficulty-open-more = Dưới đây là { $shown } khó khăn báo sớm nhất; sau khi xác nhận các khó khăn này, gõ /khokhan để xem tiếp.
difficulty-open-hint = Khi khó khăn đã được tháo gỡ, đồng chí bấm "✔️ Đã giải quyết" dưới khó khăn đó.
difficulty-open-none = Không có khó khăn nào đang mở ở các đơn vị đồng chí theo dõi.
difficulty-item =
    { $unit } — báo ngày { $date }
    { $text }
difficulty-item-hidden = 🔒 Nội dung liên quan đến đơn thư, khiếu nại, tố cáo: chỉ người báo, Ban Thường vụ và Văn phòng xem được.
difficulty-item-sensitive = 🔒 { $text }
difficulty-button-resolve = ✔️ Đã giải quyết
difficulty-resolved-line = ✔️ Đã giải quyết ngày { $date } ({ $name }).
difficulty-resolved-answer = Đã ghi nhận khó khăn được giải quyết.
difficulty-resolve-not-allowed = Đồng chí không có quyền xác nhận khó khăn này đã được giải quyết.
difficulty-already-resolved = Khó khăn này đã được ghi nhận giải quyết trước đó.

## Difficulties: notices to the working group and to the unit

difficulty-notice-opened =
    Khó khăn mới — { $unit }, báo ngày { $date }:
    "{ $text }"
    Gõ /khokhan để xem các khó khăn đang mở; khi đã tháo gỡ, bấm "✔️ Đã giải quyết".
difficulty-notice-opened-hidden =
    Khó khăn mới — { $unit }, báo ngày { $date }: 🔒 liên quan đơn thư, khiếu nại, tố cáo (nội dung chỉ người báo, Ban Thường vụ và Văn phòng xem được).
    Khi đã tháo gỡ, gõ /khokhan và bấm "✔️ Đã giải quyết".
difficulty-notice-resolved =
    Khó khăn của { $unit } báo ngày { $opened }:
    "{ $text }"
    đã được đồng chí { $name } xác nhận giải quyết ngày { $date }.
difficulty-notice-resolved-hidden = Khó khăn của { $unit } báo ngày { $opened } (🔒 đơn thư, khiếu nại, tố cáo) đã được đồng chí { $name } xác nhận giải quyết ngày { $date }.
