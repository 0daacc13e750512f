## Units as lists name them (src/render/unit-label.ts)

unit-label = { $unit }{ $parent ->
    [none] {""}
   *[other] {" "}— { $parent }
}
