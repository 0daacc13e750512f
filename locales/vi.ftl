## Commands (descriptions shown in Telegram's command menu)

command-start = Bắt đầu, nhận diện đồng chí
command-help = Hướng dẫn sử dụng và các lệnh
command-link-code = Lấy mã liên kết nhóm chat của đơn vị
command-link-group = Liên kết nhóm với đơn vị bằng mã liên kết
command-unlink-group = Hủy liên kết nhóm với đơn vị (quản trị)
command-group-progress = Tiến độ đại hội của đơn vị liên kết với nhóm
command-group-language = Chọn ngôn ngữ bản tin hằng ngày của nhóm (quản trị)

## Start

start-welcome =
    Kính chào đồng chí { $name }!
    Đây là Trợ lý Đại hội: theo dõi tiến độ tổ chức đại hội đảng bộ các cấp.
start-known-roles = Đồng chí đang được giao:
start-role-line = • { $role } — { $unit }
start-unknown =
    Đồng chí chưa được giao đơn vị nào để báo cáo. Liên hệ Văn phòng cấp ủy để nhận mã mời.
start-stranger =
    Trợ lý chưa nhận diện được đồng chí.
    • Nếu đồng chí có tên trong danh sách của Văn phòng cấp ủy: bấm nút «{ onboarding-share-phone-button }» bên dưới để Trợ lý nhận diện qua số điện thoại.
    • Nếu chưa có tên trong danh sách: đề nghị Văn phòng cấp ủy gửi đường link mời.
start-next = Gõ /trogiup để xem các lệnh.

role-name = { $role ->
    [secretary] Bí thư
    [deputy] Phó Bí thư
    [reporter] Người báo cáo
    [standing] Ủy viên Ban Thường vụ
    [admin] Quản trị
   *[other] { $role }
}

## Help (/trogiup: the title, one section per command the person may use, then what applies to them)

help-title = <b>Trợ lý Đại hội — hướng dẫn</b>
help-start = /start — bắt đầu, nhận diện đồng chí
help-report = /baocao — báo cáo tiến độ đại hội của đơn vị, từng bước bằng nút bấm (tiếng Anh: /report)
help-link-code = /malienket MÃ_ĐƠN_VỊ — lấy mã liên kết để nhóm chat của đơn vị nhận báo cáo tiến độ hằng ngày (tiếng Anh: /linkcode)
help-help = /trogiup — hướng dẫn này (tiếng Anh: /help)
help-report-line =
    <b>Báo cáo nhanh trên một dòng</b>
    /baocao [MÃ_ĐƠN_VỊ] NỘI_DUNG [ngày] [khóa=giá_trị …]
    Nội dung: kehoach (kế hoạch), vankien (dự thảo văn kiện), nhansu (phương án nhân sự), lich (ấn định ngày đại hội), daihoi (đã tổ chức đại hội).
    Ví dụ: /baocao lich 15/03/2020
    Ví dụ: /baocao daihoi 04/03/2020 bch=15/15 btv=5 nu=4 tre=2 taicu=10 daibieu=17 bttructiep=co

    <b>Các khóa khi báo cáo đã tổ chức đại hội</b>
    bch=15/15 — số cấp ủy viên trúng cử/số theo đề án: ban chấp hành của đảng bộ, chi ủy của chi bộ (bắt buộc)
    nu=4 — số nữ
    tre=2 tu35=9 tren50=4 — số dưới 35, từ 35 đến 50, trên 50 tuổi
    taicu=10 — số tái cử
    trendh=3 daihoc=11 — trình độ trên đại học; cao đẳng, đại học
    caocap=6 trungcap=8 — lý luận chính trị cao cấp, cử nhân; trung cấp
    btv=5 btvnu=2 — số ủy viên Ban Thường vụ, trong đó nữ (đảng bộ)
    bttructiep=co — bí thư bầu trực tiếp tại đại hội (co/khong)
    motlan=co — bầu đủ trong một lần (co/khong)
    phieuthap=61,25 phieucao=98,5 — tỷ lệ phiếu thấp nhất, cao nhất của người trúng cử (%)
    daibieu=16 duongnhien=1 — đại biểu dự đại hội cấp trên: được bầu, đương nhiên
    trieutap=120 comat=118 — đại biểu được triệu tập, có mặt
    ghichu=… — ghi chú (ghi cuối dòng)

    Chỉ bch là bắt buộc; số nào chưa có thì bỏ qua. Ngày viết theo dạng ngày/tháng/năm (04/03/2020), hoặc 4/3, "hôm nay", "hôm qua". Mọi báo cáo đều được hỏi xác nhận trước khi lưu.
help-support = Cần hỗ trợ, liên hệ Văn phòng cấp ủy.

help-group-progress = /tiendo [MÃ] — tiến độ đại hội của đơn vị liên kết với nhóm và các đơn vị trực thuộc (tiếng Anh: /progress)
help-group-link = /lienketnhom MÃ — liên kết nhóm với đơn vị, bằng mã liên kết do cán bộ quản trị lấy bằng lệnh /malienket (tiếng Anh: /linkgroup)
help-group-unlink = /huylienket — cán bộ quản trị của đơn vị hủy liên kết nhóm (tiếng Anh: /unlinkgroup)
help-group-language = /ngonngu — cán bộ quản trị của đơn vị chọn ngôn ngữ bản tin hằng ngày của nhóm (tiếng Anh: /lang)
help-group-private = Báo cáo, tình trạng, khó khăn và các việc khác của từng đồng chí thực hiện trong tin nhắn riêng với Trợ lý: @{ $bot }.

## Errors and fallbacks

error-generic = Xin lỗi, đã có lỗi khi xử lý yêu cầu. Đồng chí vui lòng thử lại sau ít phút; nếu vẫn lỗi, xin báo Văn phòng cấp ủy.
error-disk-full = Xin lỗi, máy chủ của Văn phòng đã hết chỗ lưu dữ liệu nên yêu cầu của đồng chí chưa được thực hiện (chưa có gì được lưu). Đồng chí vui lòng báo Văn phòng cấp ủy và thử lại sau.
unknown-command = Không có lệnh /{ $command }. Gõ /trogiup để xem các lệnh.
unknown-text = Trợ lý chưa hiểu tin nhắn này. Gõ /trogiup để xem các lệnh.
group-not-linked = Nhóm này chưa được liên kết với đơn vị nào, nên Trợ lý không hiển thị dữ liệu ở đây.

## Organisation file problems (printed as "<place>: <message>")

org-problem-unknown-key = không có trường này (kiểm tra lỗi chính tả; xem docs/org-file.md)
org-problem-required = thiếu, bắt buộc phải có
org-problem-type = sai kiểu, cần { $expected ->
    [object] một nhóm trường (ví dụ {"{"} code: GT, name: "…" {"}"})
    [list] một danh sách
   *[other] một giá trị
}
org-problem-one-of = "{ $value }" không hợp lệ; chỉ nhận: { $values }
org-problem-empty = không được để trống
org-problem-empty-list = danh sách không được để trống
org-problem-too-many = quá nhiều mục (tối đa { $max })
org-problem-too-long = quá dài (tối đa { $max } ký tự)
org-problem-code-format = mã "{ $value }" không hợp lệ; mã chỉ gồm chữ không dấu, số, dấu . _ -, tối đa 32 ký tự, ví dụ GT-01
org-problem-date = ngày "{ $value }" không hợp lệ; viết theo dạng 2020-03-31 hoặc 31/03/2020
org-problem-phone = "{ $value }" không phải số điện thoại Việt Nam; ví dụ 0912345678 hoặc +84912345678
org-problem-deadline-value = hạn phải là một ngày (2020-03-31) hoặc danh sách mốc → ngày, ví dụ {"{"} held: 2020-03-31 {"}"}
org-problem-invalid = giá trị không hợp lệ
org-problem-yaml-syntax = tệp YAML sai cú pháp: { $message }
org-problem-csv-syntax = tệp CSV sai cú pháp: { $message }
org-problem-csv-missing-column = thiếu cột "{ $value }"; dòng tiêu đề cần đủ các cột code,name,level,parent,pilot,secretary_name,secretary_phone
org-problem-csv-unknown-column = cột "{ $value }" không được hỗ trợ
org-problem-duplicate-code = mã "{ $value }" bị trùng (đã có ở { $first })
org-problem-parent-required = { $level ->
    [partial] đảng bộ bộ phận
   *[cell] chi bộ
} phải có đơn vị cấp trên (parent)
org-problem-unknown-unit = không có đơn vị mã "{ $value }"
org-problem-progress-other-unit = dòng báo cáo ghi đơn vị "{ $value }" nhưng mục này của đơn vị "{ $unit }"; bỏ mã đơn vị trong dòng báo cáo (ví dụ: report: "daihoi 14/02/2020 bch=3/3")
org-problem-progress-other-organization = tệp của tổ chức "{ $value }" nhưng đang nạp vào tổ chức "{ $organization }"; chọn đúng tổ chức bằng --org { $value }
org-problem-progress-on-future = ngày { $value } chưa đến (hôm nay là { $today }); ghi ngày báo cáo đã đến văn phòng
org-problem-own-parent = đơn vị "{ $value }" không thể là cấp trên của chính nó
org-problem-level-order = { $level ->
    [province] đảng bộ tỉnh
    [district] đảng bộ quận, huyện
    [grassroots] tổ chức cơ sở đảng
    [partial] đảng bộ bộ phận
   *[cell] chi bộ
} không thể trực thuộc { $parentLevel ->
    [province] đảng bộ tỉnh
    [district] đảng bộ quận, huyện
    [grassroots] tổ chức cơ sở đảng
    [partial] đảng bộ bộ phận
   *[cell] chi bộ
} "{ $value }"
org-problem-no-top = không có đơn vị cấp cao nhất (đơn vị không có parent)
org-problem-several-tops = chỉ được có một đơn vị cấp cao nhất, nhưng có nhiều đơn vị không có parent: { $value }
org-problem-cycle = vòng lặp cấp trên: { $value }
org-problem-organization-not-top = mã tổ chức "{ $value }" là một đơn vị nhưng không phải đơn vị cấp cao nhất
org-problem-duplicate-phone = số điện thoại trùng với { $first } ({ $name })
org-problem-duplicate-role = vai trò { $value } tại "{ $unit }" bị lặp
org-problem-duplicate-group = tên tổ công tác "{ $value }" bị trùng (đã có ở { $first })
org-problem-leader-not-in-people = số { $value } không có trong danh sách people; đã tạo người tên "{ $name }"
org-problem-leader-is-member = tổ trưởng không cần ghi lại trong members
org-problem-unknown-person = không có ai với số { $value } trong danh sách people
org-problem-phone-renumbered = số { $value } là số di động cũ (trước khi đổi đầu số năm 2018); đã nhập thành số mới { $phone }
org-problem-yaml-aliases = tệp dùng lại phần đặt tên "{ $value }" (dấu & và *) quá nhiều lần, khi mở rộng sẽ vượt { $max } mục; xin viết đầy đủ từng mục, không dùng & và *

## Command line

cli-usage =
    Cách dùng: npm run cli -- LỆNH
      org import TỆP [--dry-run] [--prune]   nhập tổ chức từ tệp YAML hoặc CSV
      org export [--format yaml|csv] [--out TỆP] [--org MÃ]
      progress import TỆP [--dry-run]         nạp tiến độ đã có (báo cáo của các đơn vị, khó khăn), mỗi mục theo ngày báo cáo (docs/progress-file.md)
      template import TỆP                     nhập mẫu đợt riêng của đơn vị (docs/campaign-templates.md)
      template list                           các mẫu đợt: có sẵn và đã nhập
      status [--unit MÃ] [--as-of dd/mm/yyyy] tiến độ đại hội và các đợt khác đang mở (--as-of: số liệu đến hết ngày đó)
      invite create --unit MÃ --role VAI_TRÒ [--expires 14d] [--org MÃ]
                                              tạo đường link mời (dùng một lần; --expires: 14d, 12h, tối đa 90d)
      invite list [--unit MÃ]                 các mã mời và trạng thái (không hiện mã)
      invite revoke --token MÃ_MỜI | --id SỐ   thu hồi mã mời chưa dùng
      outbox status                           tin nhắn chờ gửi, đã gửi, không gửi được; ai không liên lạc được
      digest send [--unit MÃ]                 gửi ngay báo cáo tiến độ cho các nhóm đã liên kết
      remind run                              gửi ngay các lời nhắc đến hạn
      group link-code --unit MÃ [--expires 7d] [--org MÃ]
                                              tạo mã liên kết nhóm (dùng một lần); gửi /lienketnhom MÃ trong nhóm
      group list                              các nhóm đã liên kết (đơn vị, chat id, tên nhóm, từ ngày)
      group unlink --chat CHAT_ID             hủy liên kết một nhóm
      export [--format xlsx|csv|docx] --out TỆP [--unit MÃ] [--org MÃ] [--as-of dd/mm/yyyy]
                                              xuất số liệu ra Excel; csv: mỗi bảng một tệp (TỆP-summary.csv, …); docx: báo cáo Word
      export --campaign MÃ_ĐỢT --out TỆP [--unit MÃ] [--format xlsx|csv]
                                              xuất một đợt khác (kiểm điểm, học tập nghị quyết…): tổng hợp và từng đơn vị
      web link --phone SĐT [--org MÃ]         đường link đăng nhập trang web (dùng một lần, 24 giờ) để gửi tay qua Zalo, SMS
      db migrate                              cập nhật cấu trúc cơ sở dữ liệu
      db backup --out TỆP                     sao lưu cơ sở dữ liệu nhúng khi bot đã dừng (bot đang chạy tự sao lưu hằng đêm vào BACKUP_DIR)
      db restore TỆP                          khôi phục từ bản sao lưu khi bot đã dừng; dữ liệu đang có được giữ lại bên cạnh
      person export --phone SĐT [--out TỆP] [--org MÃ]
                                              mọi dữ liệu lưu về một người (JSON), để trả lời yêu cầu của người đó
      person erase --phone SĐT [--org MÃ]     xóa danh tính một người (tên, số điện thoại, Telegram); báo cáo của đơn vị vẫn giữ
    Khi cơ sở dữ liệu có nhiều tổ chức, thêm --org MÃ vào lệnh để chọn tổ chức; mã đơn vị viết hoa hay thường đều được.
cli-unknown-command = không có lệnh "{ $command }"
cli-missing-argument = thiếu { $name }
cli-unknown-option = không có tùy chọn "{ $option }"
cli-file-not-found = không đọc được tệp { $file }
cli-org-invalid = Tệp { $file } có { $count } lỗi; chưa ghi gì vào cơ sở dữ liệu:
cli-org-warning = Lưu ý: { $place }: { $message }
cli-org-too-large = Lỗi: tệp { $file } quá lớn ({ $size } MB; tối đa { $max } MB); không có gì được ghi vào cơ sở dữ liệu. Tệp của 100.000 đơn vị chỉ khoảng 12 MB: xin kiểm tra lại đúng tệp chưa.
cli-org-conflict = Lỗi: trong lúc nhập { $file }, một lần nhập khác đã thay đổi tổ chức này; lần nhập này không ghi gì. Xin đồng chí chạy lại lệnh: npm run cli -- org import { $file }
cli-progress-checking = Đang kiểm tra tệp…
cli-progress-import = { $step ->
    [read] Đang đối chiếu với cơ sở dữ liệu…
    [units] Đang ghi đơn vị
    [people] Đang ghi người
    [roles] Đang ghi vai trò
    [groups] Đang ghi tổ công tác…
   *[paths] Đang cập nhật cây đơn vị…
}{ $counted ->
    [yes] : { $done }/{ $total }
   *[no] {""}
}
cli-org-no-changes = Không có gì thay đổi: dữ liệu đã khớp với tệp.
cli-org-dry-run = Chạy thử (--dry-run): chưa ghi gì. Nếu nhập thật sẽ:
cli-org-applied = Đã nhập { $organization }:
cli-org-created = • tạo tổ chức mới
cli-org-renamed = • đổi tên tổ chức
cli-org-letterhead = • cập nhật tên cấp ủy cấp trên, cấp ủy ban hành hoặc địa danh ghi trên văn bản
cli-org-units-added = • thêm { $count } đơn vị
cli-org-units-updated = • sửa { $count } đơn vị: { $list }
cli-org-units-restored = • khôi phục { $count } đơn vị: { $list }
cli-org-units-missing = • { $count } đơn vị có trong dữ liệu nhưng không có trong tệp: { $list } (dùng --prune để lưu trữ các đơn vị này)
cli-org-units-archived = • lưu trữ { $count } đơn vị không còn trong tệp: { $list }
cli-org-people-added = • thêm { $count } người
cli-org-people-updated = • sửa thông tin { $count } người
cli-org-roles-added = • giao thêm { $count } vai trò
cli-org-roles-removed = • bỏ { $count } vai trò
cli-org-groups-added = • thêm { $count } tổ công tác
cli-org-groups-updated = • sửa { $count } tổ công tác: { $list }
cli-org-groups-missing = • { $count } tổ công tác không có trong tệp: { $list } (dùng --prune để xóa)
cli-org-groups-removed = • xóa { $count } tổ công tác: { $list }
cli-org-campaign-created = • tạo đợt đại hội mới
cli-org-campaign-updated = • cập nhật hạn và nhiệm kỳ của đợt đại hội
cli-org-not-found = chưa có tổ chức nào trong cơ sở dữ liệu; nhập trước bằng: npm run cli -- org import TỆP
cli-org-choose = có nhiều tổ chức ({ $list }); chọn một bằng --org MÃ
cli-org-unknown = không có tổ chức mã "{ $value }"
cli-unit-unknown = không có đơn vị mã "{ $value }"
cli-exported = Đã ghi { $file }.
cli-migrated = Cơ sở dữ liệu đã cập nhật: áp dụng { $applied } bản cập nhật (đã có { $already } bản).
cli-backup-written = Đã sao lưu vào { $file } ({ $size }).
cli-backup-postgres = cơ sở dữ liệu là PostgreSQL (DATABASE_URL): sao lưu bằng pg_dump, khôi phục bằng pg_restore, theo mục "Backups" trong README
cli-backup-not-found = không có tệp { $file }
cli-backup-not-a-backup = { $file } không phải bản sao lưu của Trợ lý Đại hội (tạo bằng lệnh db backup hoặc BACKUP_DIR); không có gì thay đổi
cli-restore-done = Đã khôi phục từ { $file } ({ $size }){ $migrations ->
    [0] {""}
   *[other] , cập nhật thêm { $migrations } bản cấu trúc
}.{ $aside ->
    [none] {""}
   *[other] {" "}Dữ liệu trước khi khôi phục được giữ ở { $aside }; xóa thư mục này khi đã kiểm tra xong.
}
cli-person-not-a-phone = "{ $phone }" không phải số điện thoại Việt Nam; ví dụ 0912345678
cli-person-unknown = không có ai với số { $phone } trong danh sách
cli-person-erased = Đã xóa danh tính người số { $id }: bỏ { $roles } vai trò, { $workingGroups } chỗ trong tổ công tác, { $webSessions } phiên đăng nhập web, { $pushBrowsers } trình duyệt nhận thông báo, { $storedUpdates } tin nhắn đã lưu, { $messages } tin nhắn gửi cho người này, { $conversations } phiên trò chuyện. Báo cáo của đơn vị vẫn giữ và vẫn được tính; nhật ký ghi lại việc xóa.
person-erased-name = (đã xóa theo yêu cầu)
cli-error = Lỗi: { $message }
cli-progress-too-large = tệp { $file } quá lớn để là tệp tiến độ; xin kiểm tra lại đúng tệp chưa
cli-progress-no-campaign = tổ chức chưa có đợt đại hội để nạp tiến độ vào (thêm mục campaign vào tệp tổ chức rồi chạy lại org import)
cli-progress-checked = Chạy thử (--dry-run): chưa ghi gì. Tệp hợp lệ: { $reports } báo cáo, { $difficulties } khó khăn.
cli-progress-imported = Đã nạp { $reports } báo cáo và { $difficulties } khó khăn{ $known ->
    [0] .
   *[other] ; { $known } mục đã có từ trước, không ghi lại.
}
cli-as-of-invalid = --as-of "{ $value }" không phải ngày hợp lệ; viết ngày, tháng, năm đầy đủ (ví dụ: --as-of 26/02/2020)
cli-as-of-future = --as-of { $date } là ngày chưa đến (hôm nay là { $today }); số liệu chỉ tính được đến hết hôm nay

## Status (progress totals)

status-title = { $name } ({ $code })
status-campaign = { $campaign }
status-no-campaign = Chưa có đợt đại hội (thêm mục campaign vào tệp tổ chức).
status-as-of = Số liệu tính đến ngày { $date }.
status-line = { $label }: { $held }/{ $total } đã tổ chức đại hội ({ $percent }); dự thảo văn kiện { $documents }/{ $total }; phương án nhân sự { $personnel }/{ $total }
status-label = { $kind ->
    [grassroots] Tổ chức cơ sở đảng
    [committees] trong đó đảng bộ cơ sở
    [grassroots-cells] trong đó chi bộ cơ sở
    [partial] Đảng bộ bộ phận
    [cell] Chi bộ trực thuộc
    [district] Đảng bộ quận, huyện
   *[province] Đảng bộ tỉnh
}
status-total = Tổng số: { $units } đơn vị, { $held } đại hội đã tổ chức.

## Start-up

## Milestones and checklists (shared by reporting, status, onboarding)

milestone-name = { $milestone ->
    [plan] Kế hoạch đại hội
    [documents] Dự thảo báo cáo chính trị, kiểm điểm
    [personnel] Phương án nhân sự
    [scheduled] Ấn định ngày đại hội
   *[held] Tổ chức đại hội
}
checklist-title = { $unit }{ $parent ->
    [none] {""}
   *[other] {" "}({ $parent })
}{ $term ->
    [none] {""}
   *[other] {" "}— nhiệm kỳ { $term }
}
checklist-no-campaign = Chưa có đợt đại hội nào đang diễn ra.
next-due = Việc tiếp theo: { $milestone }{ $date ->
    [none] {""}
   *[other] {" "}(hạn { $date })
}.
next-due-none = Đơn vị đã hoàn thành mọi mốc của đợt đại hội.

## Scheduled jobs on demand (CLI)

cli-digest-no-groups = chưa có nhóm nào được liên kết để nhận báo cáo tiến độ (xem: group link-code)
cli-digest-queued = Đã xếp báo cáo tiến độ cho { $count } nhóm.
cli-remind-queued = Đã xếp { $count } lời nhắc.
cli-outbox-left-for-bot = Chưa có TELEGRAM_BOT_TOKEN: tin nhắn sẽ được gửi khi bot chạy.
cli-outbox-delivered = Đã gửi { $count } tin nhắn.
