## The secretary's daily reminder (one message a day at most, everything due in it)

reminder-to-one = Dear comrade { $name }, Secretary of { $unit }{ $parent ->
    [none] {""}
   *[other] {" "}({ $parent })
}.
reminder-to-many = Dear comrade { $name }.
reminder-unit = { $unit }{ $parent ->
    [none] {""}
   *[other] {" "}({ $parent })
}:
reminder-item = • { $milestone }: due { $date }{ $state ->
    [today] , today is the deadline
    [overdue] , overdue by { $count } { $count ->
        [one] day
       *[other] days
    }
   *[left] {" "}({ $count } { $count ->
        [one] day
       *[other] days
    } left)
}.
reminder-action = { $units ->
    [one] Your unit has
   *[other] Your units have
} not reported the above yet. Press a button below to report now, or send /problem to tell the working group about a difficulty.
reminder-button = 📝 { $milestone }{ $unit ->
    [none] {""}
   *[other] {" "}— { $unit }
}
reminder-campaign = 📋 { $campaign }:
reminder-congress = 📋 Congress:
