## Pausing reminders for a postponed unit (/hoan, /tieptuc)

reminder-pause-command = Tạm dừng nhắc việc cho đơn vị hoãn đại hội
resume-command = Nhắc việc lại cho đơn vị đã tạm dừng
help-reminder-pause =
    /hoan MÃ_ĐƠN_VỊ LÝ_DO — tạm dừng nhắc việc cho đơn vị được phép hoãn đại hội; Tổ công tác thấy lý do (tiếng Anh: /postpone)
    Ví dụ: /hoan GT-07 Hoãn theo Công văn số 15-CV/ĐU, chờ kiện toàn cấp ủy
    /tieptuc MÃ_ĐƠN_VỊ — nhắc việc lại cho đơn vị đó (tiếng Anh: /resume)
pause-unit = { $unit }{ $parent ->
    [none] {""}
   *[other] {" "}({ $parent })
}
pause-private-only = Tạm dừng nhắc việc chỉ thực hiện trong tin nhắn riêng với Trợ lý. Đồng chí nhắn riêng cho @{ $bot } và gõ /hoan kèm mã đơn vị và lý do.
pause-usage = Đồng chí ghi mã đơn vị và lý do hoãn ngay sau lệnh.
pause-example = Ví dụ: /hoan GT-07 Hoãn theo Công văn số 15-CV/ĐU, chờ kiện toàn cấp ủy
pause-unknown-unit = Không có đơn vị mã "{ $code }". Mã đơn vị có trong /trangthai hoặc hỏi Văn phòng cấp ủy.
pause-no-reason = Cần ghi lý do hoãn sau mã { $code }: Tổ công tác theo dõi đơn vị sẽ đọc lý do này.
pause-too-long = Lý do dài { $length } ký tự, vượt giới hạn { $max } ký tự. Đồng chí ghi ngắn gọn (số công văn, lý do chính) rồi gửi lại.
pause-not-allowed =
    { pause-unit } (mã { $code }) không thuộc phạm vi đồng chí theo dõi, nên đồng chí không tạm dừng hay nhắc lại việc cho đơn vị này được.
    Việc này do Tổ trưởng Tổ công tác theo dõi đơn vị, Ủy viên Ban Thường vụ hoặc cán bộ quản trị của đơn vị hay cấp trên thực hiện.
pause-who-may = { $action ->
    [resume] Chỉ Tổ trưởng Tổ công tác, Ủy viên Ban Thường vụ hoặc cán bộ quản trị mới cho đơn vị nhắc việc lại.
   *[pause] Chỉ Tổ trưởng Tổ công tác, Ủy viên Ban Thường vụ hoặc cán bộ quản trị mới tạm dừng nhắc việc cho đơn vị.
}
pause-ask-group = Đề nghị đồng chí báo Tổ công tác phụ trách { pause-unit } (mã { $code }): { $groups }.
pause-ask-office = Đề nghị đồng chí báo Văn phòng cấp ủy về { pause-unit } (mã { $code }): chưa có Tổ công tác nào được giao theo dõi đơn vị này.
pause-ask-anyone = Đề nghị đồng chí báo Tổ công tác phụ trách đơn vị, hoặc Văn phòng cấp ủy.
pause-group-contact = { $group }{ $leader ->
    [none] {""}
   *[other] {" "}— Tổ trưởng { $leader }{ $phone ->
        [none] {""}
       *[other] , { $phone }
    }
}
pause-done =
    Đã tạm dừng nhắc việc cho { pause-unit } (mã { $code }) từ ngày { $since }.
    Lý do: { $reason }
    Bí thư đơn vị không nhận nhắc việc nữa; Tổ công tác thấy đơn vị trong mục "Đã hoãn" kèm lý do.
    Khi đơn vị tổ chức lại, đồng chí gõ /tieptuc { $code }.
pause-already =
    { pause-unit } (mã { $code }) đã tạm dừng nhắc việc từ ngày { $since }{ $by ->
        [none] {""}
       *[other] {" "}(đồng chí { $by })
    }.
    Lý do: { $reason }
    Để nhắc việc lại, gõ /tieptuc { $code }.
resume-usage = Đồng chí ghi mã đơn vị cần nhắc việc lại ngay sau lệnh.
resume-example = Ví dụ: /tieptuc GT-07
resume-done =
    Đã nhắc việc lại cho { pause-unit } (mã { $code }); đơn vị tạm dừng từ ngày { $since }, lý do: { $reason }
    Bí thư đơn vị sẽ nhận nhắc việc từ lần nhắc tới.
resume-not-paused = { pause-unit } (mã { $code }) không tạm dừng nhắc việc, không cần /tieptuc.
status-pause-line = ⏸ Tạm dừng nhắc việc từ { $since }: { $reason }
