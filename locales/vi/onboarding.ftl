## Onboarding: who a Telegram user is (invite links, phone sharing) and admin invites (/moi, invite CLI)

onboarding-share-phone-button = 📱 Chia sẻ số điện thoại
onboarding-share-phone-placeholder = Bấm nút bên dưới để chia sẻ số điện thoại
onboarding-bound-roles = Đã xác nhận tài khoản. Đồng chí được giao:
onboarding-bound-no-roles = Đã xác nhận tài khoản. Đồng chí hiện chưa được giao đơn vị nào để báo cáo.
onboarding-invite-invalid = Mã mời không đúng: có thể đường link bị chép thiếu hoặc sai. Đề nghị đồng chí mở lại đúng đường link được gửi; nếu vẫn không được, đề nghị Văn phòng cấp ủy cấp mã mới.
onboarding-invite-used = Mã mời này đã được sử dụng. Đề nghị Văn phòng cấp ủy cấp mã mới.
onboarding-invite-expired = Mã mời này đã hết hạn từ ngày { $date }. Đề nghị Văn phòng cấp ủy cấp mã mới.
onboarding-invite-revoked = Mã mời này đã bị thu hồi, không dùng được nữa. Nếu đồng chí vẫn cần tham gia, đề nghị Văn phòng cấp ủy cấp mã mới.
onboarding-contact-not-own = Trợ lý chỉ nhận số điện thoại của chính đồng chí. Đề nghị bấm nút «{ onboarding-share-phone-button }» bên dưới (nếu không thấy nút, gõ /start).
onboarding-phone-unknown = Số điện thoại này chưa có trong danh sách của Văn phòng cấp ủy. Liên hệ Văn phòng cấp ủy để được bổ sung vào danh sách hoặc nhận mã mời.
onboarding-phone-taken = Số điện thoại này đã được gắn với một tài khoản Telegram khác. Nếu đồng chí đã đổi tài khoản Telegram, liên hệ Văn phòng cấp ủy để được hỗ trợ.
onboarding-account-taken = Tài khoản Telegram của đồng chí đã được gắn với một người khác trong danh sách, nên chưa gắn được số điện thoại này. Liên hệ Văn phòng cấp ủy để kiểm tra lại.

invite-private-only = Lệnh /moi chỉ dùng trong tin nhắn riêng với Trợ lý, để mã mời không lộ trong nhóm.
invite-not-admin = Lệnh /moi chỉ dành cho cán bộ quản trị của Văn phòng cấp ủy. Nếu cần mời thêm người báo cáo, đề nghị đồng chí liên hệ Văn phòng cấp ủy.
invite-usage =
    Cách dùng: /moi MÃ_ĐƠN_VỊ [VAI_TRÒ], ví dụ /moi GT-01 bithu
    Vai trò: bithu (Bí thư, mặc định), phobithu (Phó Bí thư), baocao (Người báo cáo), thuongvu (Ủy viên Ban Thường vụ), quantri (Quản trị).
invite-unknown-unit =
    Không có đơn vị mã "{ $code }".
    { invite-usage }
invite-unknown-role =
    Không có vai trò "{ $role }".
    { invite-usage }
invite-out-of-scope = { $unit } ({ $code }) không thuộc phạm vi quản trị của đồng chí, nên đồng chí chưa cấp được mã mời cho đơn vị này.
invite-created =
    Mã mời nhận vai trò { $role }, { $unit } ({ $code }); dùng một lần, hết hạn lúc { $time } ngày { $date }:
    { $link }
    Chỉ gửi đường link này cho đúng người được mời: ai mở trước sẽ nhận vai trò này.

## Onboarding: command line (npm run cli -- invite …)

invite-cli-created = Đã tạo mã mời số { $id }: vai trò { $role }, { $unit } ({ $code }); dùng một lần, hết hạn lúc { $time } ngày { $date }.
invite-cli-no-username = Chưa biết tên bot nên chưa tạo được đường link (đặt TELEGRAM_BOT_USERNAME=tên_bot, hoặc TELEGRAM_BOT_TOKEN). Người được mời mở bot trong Telegram và gửi nguyên dòng trên.
invite-cli-getme-failed = Không hỏi được tên bot từ Telegram nên chưa tạo được đường link (có thể đặt TELEGRAM_BOT_USERNAME=tên_bot). Người được mời mở bot trong Telegram và gửi nguyên dòng trên.
invite-cli-bad-username = TELEGRAM_BOT_USERNAME "{ $value }" không phải tên bot Telegram (ví dụ daihoi_longbien_bot)
invite-cli-list-empty = Chưa có mã mời nào.
invite-cli-list-line = #{ $id }  { $code }  { $role }  hạn { $expires }  { $state ->
    [used] đã dùng { $used } ({ $name })
    [revoked] đã thu hồi { $revoked }
    [expired] đã hết hạn
   *[active] còn hiệu lực
}
invite-cli-revoked = Đã thu hồi mã mời số { $id } (vai trò { $role }, { $code }).
invite-cli-already-revoked = Mã mời số { $id } đã được thu hồi trước đó; không có gì thay đổi.
invite-cli-used = mã mời số { $id } đã được sử dụng lúc { $time } ngày { $date }, không thu hồi được nữa
invite-cli-unknown = không tìm thấy mã mời này
invite-cli-missing-which = cần --token MÃ_MỜI (hoặc cả đường link) hoặc --id SỐ
invite-cli-bad-id = "{ $value }" không phải số của mã mời (xem: invite list)
invite-cli-bad-expires = thời hạn "{ $value }" không hợp lệ; viết dạng 14d (ngày) hoặc 12h (giờ), tối đa 90d
invite-cli-bad-role = vai trò "{ $value }" không hợp lệ; chọn một trong: secretary, deputy, reporter, standing, admin

## Onboarding: the command menu and /trogiup

invite-command = Cấp đường link mời cho một đơn vị (quản trị)
help-invite = /moi MÃ [VAI_TRÒ] — cấp đường link mời nhận vai trò ở một đơn vị, ví dụ /moi GT-01 bithu (tiếng Anh: /invite)
help-access = Để sử dụng Trợ lý, đồng chí cần được nhận diện: nếu có tên trong danh sách của Văn phòng cấp ủy, gõ /start rồi bấm nút «{ onboarding-share-phone-button }»; nếu chưa, mở đường link mời do Văn phòng cấp ủy gửi.
