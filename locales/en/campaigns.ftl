## Campaign template file problems (printed as "<place>: <message>"; see docs/campaign-templates.md)

org-problem-template-key-format = template key "{ $value }" is not valid; use lower-case letters without accents, digits and -, 2 to 32 characters, starting with a letter, e.g. hoc-tap-nq
org-problem-template-key-built-in = "{ $value }" is a built-in template's key (congress, review, study, meeting); choose another, e.g. { $value }-2027
org-problem-word-format = word "{ $value }" is not valid; use lower-case letters without accents and digits, 2 to 20 characters, e.g. kiemdiem
org-problem-field-key-format = key "{ $value }" is not valid; use lower-case letters without accents and digits, at most 20 characters, starting with a letter, e.g. comat
org-problem-duplicate-word = word "{ $value }" already names another milestone (at { $first }); each word names one milestone
org-problem-closes-itself = a milestone cannot close itself
org-problem-unknown-milestone = this template has no milestone "{ $value }"
org-problem-several-later-event = only one milestone may have date: laterEvent (the one that fixes the final milestone's date)
org-problem-range-only-for-count = min and max are for count fields only
org-problem-range-order = min ({ $min }) is greater than max ({ $max })
org-problem-choices-too-few = a choice field needs at least two choices
org-problem-duplicate-choice = choice "{ $value }" is listed twice
org-problem-choices-only-for-choice = choices are for choice fields only
org-problem-rule-format = rule "{ $value }" is not in the right form; write a sum of keys, a comparison (<=, <, =, >=, >), then a sum of keys, e.g. comat <= tong or xs + tot = danhgia
org-problem-unknown-field = this milestone has no field "{ $value }"
org-problem-not-a-count = field "{ $value }" is not a count, so it cannot be added or compared
org-problem-not-a-choice = field "{ $value }" is not a choice
org-problem-level-not-asked = level "{ $value }" is not one of the template's levels ({ $values })
org-problem-placeholder = the placeholder { $value } cannot be used in this kind of figure; only: { $values }
