// A unit's name as lists show it (see src/domain/unit-label.ts for when the parent is added).
import { parentToShow, type NamedUnit } from "../domain/unit-label.js";
import type { Translate } from "../i18n.js";

export function renderUnitLabel(t: Translate, unit: NamedUnit): string {
  return t("unit-label", { unit: unit.name, parent: parentToShow(unit) ?? "none" });
}
