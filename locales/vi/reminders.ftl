## The `reminders` section of the org file (docs/org-file.md)

org-problem-whole-number = "{ $value }" không phải số nguyên từ { $min } đến { $max }
org-problem-reminder-time = giờ "{ $value }" không hợp lệ; viết theo dạng 08:00
org-problem-holiday-format = "{ $value }" không phải một ngày hay một khoảng ngày; viết theo dạng 2026-04-30 hoặc 2026-02-14..2026-02-22
org-problem-holiday-order = khoảng "{ $value }" kết thúc trước khi bắt đầu; ghi ngày đầu trước, ví dụ 2026-02-14..2026-02-22
org-problem-holiday-too-long = khoảng "{ $value }" dài hơn 31 ngày; ghi riêng từng kỳ nghỉ
org-problem-repeated-value = "{ $value }" bị ghi hai lần
cli-org-reminders-set = • nhắc việc: { $daysBefore ->
    [none] không nhắc trước hạn
   *[other] trước hạn { $daysBefore } ngày
}; { $overdueEvery ->
    [0] không nhắc khi đã quá hạn
   *[other] quá hạn thì nhắc lại sau mỗi { $overdueEvery } ngày
}; lúc { $time }; ngày nghỉ: { $daysOff ->
    [none] không có
   *[other] { $daysOff }
}; ngày lễ, Tết theo luật: { $publicHolidays ->
    [off] vẫn nhắc
   *[other] nghỉ
}; ngày lễ: { $holidays ->
    [none] không có
   *[other] { $holidays }
}
cli-org-reminders-default = • nhắc việc: trở lại mặc định (trước hạn 7, 3, 1, 0 ngày; quá hạn nhắc lại sau mỗi 3 ngày; lúc 08:00; nghỉ Chủ nhật và các ngày nghỉ lễ, Tết theo Bộ luật Lao động)
