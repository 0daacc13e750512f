## The web app (src/web)

web-title = Trợ lý Đại hội
web-skip = Bỏ qua, đến nội dung chính
web-nav-overview = Tổng quan
web-signed-in-as = Đồng chí { $name }
web-sign-out = Đăng xuất
web-signed-out-title = Đã đăng xuất
web-signed-out = Đồng chí đã đăng xuất. Muốn vào lại, gõ /web trong Trợ lý trên Telegram hoặc đề nghị Văn phòng cấp đường link đăng nhập mới.
web-sign-in-needed-title = Cần đăng nhập
web-sign-in-needed = Trang này chỉ xem được sau khi đăng nhập. Gõ /web trong Trợ lý trên Telegram để nhận đường link đăng nhập; nếu không dùng Telegram, đề nghị Văn phòng cấp đường link.
web-sign-in-title = Đăng nhập
web-sign-in-confirm = Bấm nút dưới đây để đăng nhập. Đường link chỉ dùng được một lần.
web-sign-in-button = Đăng nhập
web-sign-in-invalid = Đường link đăng nhập không đúng. Đề nghị đồng chí kiểm tra lại hoặc xin đường link mới (gõ /web trong Trợ lý trên Telegram).
web-sign-in-used = Đường link này đã được dùng để đăng nhập. Mỗi đường link chỉ dùng một lần; gõ /web trong Trợ lý trên Telegram để nhận đường link mới.
web-sign-in-expired = Đường link đã hết hạn lúc { $time } ngày { $date }. Gõ /web trong Trợ lý trên Telegram để nhận đường link mới.
web-forbidden-title = Không có quyền
web-forbidden = Yêu cầu không hợp lệ (thiếu mã bảo vệ của phiên đăng nhập). Đồng chí tải lại trang rồi thử lại.
web-not-found-title = Không tìm thấy
web-unit-unknown = Không có đơn vị mã "{ $code }".
web-unit-out-of-scope = { $unit } ({ $code }) không thuộc phạm vi đồng chí theo dõi.
web-nothing-to-see = Đồng chí chưa được giao đơn vị nào để theo dõi trên trang này.
web-home-title = Các đơn vị đồng chí theo dõi
web-overview-title = { $unit } ({ $code })
web-overview-date = Số liệu ngày { $date }
web-overview-levels = Tiến độ theo cấp
web-col-level = Cấp
web-col-held = Đã đại hội
web-col-share = Tỷ lệ
web-col-scheduled = Đã ấn định ngày
web-col-overdue = Có mốc quá hạn
web-col-unit = Đơn vị
web-col-difficulties = Khó khăn
web-overview-digest = Báo cáo tiến độ (cùng số liệu với báo cáo gửi Ban Thường vụ lúc { $time })
web-chart-alt = Biểu đồ tiến độ đại hội các tổ chức cơ sở đảng của { $unit }
web-units-title = Các đơn vị trực thuộc
web-filter-label = Lọc
web-search-label = Tìm theo tên hoặc mã (không cần dấu)
web-search-button = Tìm
web-sort-label = Sắp xếp
web-sort = { $sort ->
    [name] Theo tên
   *[progress] Tiến độ thấp trước
}
web-units-none = Không có đơn vị nào khớp.
web-units-count = { $shown }/{ $total } đơn vị
web-unit-checklist = Các mốc đại hội
web-unit-difficulties = Khó khăn đang mở
web-unit-difficulties-none = Không có khó khăn nào đang mở.
web-unit-history = Lịch sử báo cáo
web-unit-history-none = Chưa có báo cáo nào.
web-history-line = { $date }: { $milestone } — ngày { $event }{ $by ->
    [none] {""}
   *[other] , { $by } báo cáo
}{ $superseded ->
    [yes] {" "}(đã được báo cáo khác thay thế)
   *[no] {""}
}
web-up = ← { $unit }

## /web in the bot

web-link = Đường link đăng nhập trang web của Trợ lý (dùng một lần, hết hạn lúc { $time } ngày { $date }):
    { $link }
    Không chuyển đường link này cho người khác: ai mở nó sẽ đăng nhập với tư cách đồng chí.
web-link-off = Trang web của Trợ lý chưa được bật trên máy chủ của Văn phòng. Đề nghị đồng chí liên hệ Văn phòng.
web-link-private-only = Đường link đăng nhập chỉ gửi trong tin nhắn riêng. Đồng chí nhắn riêng cho @{ $bot } và gõ /web.

## `web link` on the command line

web-cli-link = Đường link đăng nhập của đồng chí { $name } (dùng một lần, hết hạn lúc { $time } ngày { $date }); gửi riêng cho đồng chí ấy:
web-cli-off = trang web chưa được bật: đặt WEB_PORT (và WEB_PUBLIC_URL, địa chỉ mọi người mở) trong .env
web-cli-unknown-phone = không có ai trong danh sách có số điện thoại { $phone }

web-col-contact = Liên hệ
web-contact = { $role ->
    [deputy] { $name } (phó bí thư)
   *[secretary] { $name }
}
web-contact-no-phone = (chưa có số điện thoại)
web-contact-none = Chưa có bí thư trong danh sách
web-export = Tải bảng tổng hợp (Excel, như lệnh /xuat)
web-export-narrative = Báo cáo tiến độ (Word, để chỉnh sửa và ký)
web-filter-paused = Tạm dừng nhắc việc

## /web in the command menu and /trogiup

web-command = Đường link đăng nhập trang web của Trợ lý
help-web = /web — gửi đường link đăng nhập trang web của Trợ lý (dùng một lần, trong 15 phút) để xem tiến độ, danh sách đơn vị và tải tệp Excel trên máy tính hoặc điện thoại, kể cả khi không vào được Telegram

## The report form on the web

web-report-link = { $onBehalf ->
    [yes] Báo cáo thay đơn vị
   *[no] Báo cáo tiến độ đại hội
}
web-report-choose-title = Báo cáo — { $unit }
web-report-choose = Đồng chí báo cáo nội dung nào? (Mục có dấu ✅ đã báo cáo; chọn lại để sửa.)
web-report-form-title = { $unit } — { $milestone }
web-report-date-label = { $milestone ->
    [plan] Ngày ban hành kế hoạch đại hội
    [documents] Ngày hoàn thành dự thảo báo cáo chính trị, kiểm điểm
    [personnel] Ngày cấp trên phê duyệt phương án nhân sự
    [scheduled] Ngày đại hội đã ấn định
   *[held] Ngày tổ chức đại hội
}
web-report-date-hint = Ghi ngày/tháng/năm, ví dụ { $example }.
web-report-results = Kết quả bầu cử
web-report-optional-hint = Hai mục đầu là bắt buộc; mục nào chưa có số liệu thì để trống, không ghi 0.
web-report-required-mark = (bắt buộc)
web-report-unknown = Chưa rõ
web-report-note-hint = Nếu số trúng cử nhiều hơn số theo đề án, ghi rõ lý do ở đây.
web-report-check = Xem lại trước khi ghi
web-report-cancel = Hủy, về trang đơn vị
web-report-problems = Chưa ghi được báo cáo. Đồng chí sửa các mục sau rồi bấm "Xem lại trước khi ghi":
web-report-required = { $field }: chưa nhập (bắt buộc), ví dụ 5.
web-report-not-a-number = { $field }: "{ $value }" không phải là số. Ghi số nguyên, ví dụ 5; chưa có số liệu thì để trống.
web-report-not-a-share = { $field }: "{ $value }" không phải là tỷ lệ phần trăm. Ghi số có tối đa hai chữ số thập phân, ví dụ 61,25; chưa có số liệu thì để trống.
web-report-group = { $group ->
    [composition] Cơ cấu cấp ủy viên trúng cử
    [votes] Tỷ lệ phiếu bầu của người trúng cử (%)
   *[attendance] Đại biểu
}
web-report-confirm-title = Xác nhận báo cáo
web-report-confirm-hint = Chưa có gì được ghi cho đến khi đồng chí bấm "✅ Xác nhận". Bấm "✏️ Sửa" để sửa, các mục đã nhập được giữ nguyên.
web-report-saved-title = Đã lưu báo cáo
web-report-back = ← Về trang đơn vị

## Sign-in links handed by an admin (people without Telegram)

web-links-nav = Cấp link đăng nhập
web-links-title = Cấp đường link đăng nhập
web-links-intro = Dành cho đồng chí không dùng được Telegram: nhập số điện thoại của đồng chí ấy như trong danh sách, Trợ lý tạo một đường link đăng nhập dùng một lần, hiệu lực 24 giờ. Đồng chí gửi riêng đường link qua Zalo hoặc tin nhắn SMS.
web-links-phone = Số điện thoại của người nhận
web-links-phone-hint = Ví dụ 0912 345 678
web-links-button = Tạo đường link
web-links-issued = Đường link đăng nhập của đồng chí { $name } (dùng một lần, hết hạn lúc { $time } ngày { $date }). Gửi riêng cho đồng chí ấy; ai mở đường link sẽ đăng nhập với tư cách đồng chí ấy.
web-links-link-label = Đường link (chọn và sao chép)
web-links-bad-phone = "{ $phone }" không phải số điện thoại Việt Nam. Nhập như 0912 345 678 hoặc +84912345678.
web-links-unknown = Không có ai có số điện thoại { $phone } trong các đơn vị đồng chí quản lý. Đồng chí kiểm tra lại số, hoặc thêm đồng chí ấy vào danh sách trước.
web-links-not-allowed = Chỉ Văn phòng (người quản trị) cấp được đường link đăng nhập cho người khác.

## Notifications in the browser (Web Push)

web-push-nav = Thông báo
web-push-title = Thông báo trên trình duyệt
web-push-intro = Khi bật, nhắc việc hằng ngày (và báo cáo tiến độ, với đồng chí trong Ban Thường vụ) được gửi thành thông báo đến trình duyệt này, thay cho tin nhắn Telegram. Bấm vào thông báo sẽ mở đúng trang cần xem. Không gửi trong giờ nghỉ ({ $quiet }).
web-push-on-count = { $count ->
    [0] Chưa bật thông báo ở trình duyệt nào.
   *[other] Đã bật thông báo ở { $count } trình duyệt.
}
web-push-enable = Bật thông báo trên trình duyệt này
web-push-disable = Tắt thông báo trên mọi trình duyệt
web-push-done = Đã bật thông báo.
web-push-denied = Trình duyệt chưa cho phép thông báo. Đồng chí mở cài đặt của trình duyệt, cho phép thông báo của trang này rồi bấm lại.
web-push-failed = Chưa bật được thông báo. Đồng chí thử lại sau ít phút.
web-push-unsupported = Trình duyệt này không nhận được thông báo. Đồng chí dùng Chrome, Edge, Firefox hoặc Safari bản mới.
web-push-script-needed = Cần bật JavaScript trong trình duyệt để bật thông báo.
web-push-stopped = Đã tắt thông báo ở { $count } trình duyệt.
push-reminder-title = Nhắc việc đại hội
push-reminder-action = { $units ->
    [one] Đơn vị
   *[other] Các đơn vị
} chưa báo cáo các nội dung trên. Bấm vào thông báo để báo cáo.
push-wg-action = { $count } đơn vị cần đôn đốc{ $difficulties ->
    [0] {""}
   *[other] , { $difficulties } khó khăn đang mở
}. Bấm vào thông báo để xem danh sách.
