// The head of the office's documents (the summary workbook, the narrative report), as party documents
// carry it: the superior organisation, the issuing committee, and the place they are dated at. What the
// organisation file gives is used as written; what it leaves out is read off the organisation's name
// ("Đảng bộ quận Long Biên" is issued by "Quận ủy Long Biên", dated at "Long Biên").
import type { Letterhead } from "./org-definition.js";

export interface ResolvedLetterhead {
  /** Null when the file does not name it (it is not guessed: the line is left out). */
  superior: string | null;
  committee: string;
  place: string;
}

/** Committees by the kind of organisation they lead: a district's "Đảng bộ quận X" by "Quận ủy X". */
const committeeOf: [RegExp, (place: string, kind: string) => string][] = [
  [/^Đảng bộ (tỉnh) (.+)$/iu, (place) => `Tỉnh ủy ${place}`],
  [/^Đảng bộ (thành phố) (.+)$/iu, (place) => `Thành ủy ${place}`],
  [/^Đảng bộ (quận) (.+)$/iu, (place) => `Quận ủy ${place}`],
  [/^Đảng bộ (huyện) (.+)$/iu, (place) => `Huyện ủy ${place}`],
  [/^Đảng bộ (thị xã) (.+)$/iu, (place) => `Thị ủy ${place}`],
  [/^Đảng bộ (phường|xã|thị trấn|đặc khu) (.+)$/iu, (place, kind) => `Đảng ủy ${kind.toLowerCase()} ${place}`],
];

export function resolveLetterhead(organization: { name: string } & Partial<Letterhead>): ResolvedLetterhead {
  const name = organization.name.trim();
  let committee: string | null = null;
  let place: string | null = null;
  for (const [pattern, committeeFor] of committeeOf) {
    const match = pattern.exec(name);
    if (!match) continue;
    place = match[2]!;
    committee = committeeFor(place, match[1]!);
    break;
  }
  // Any other party organisation ("Đảng bộ Công an tỉnh") is led by its "Đảng ủy".
  committee ??= name.replace(/^Đảng bộ /iu, "Đảng ủy ");
  return {
    superior: organization.superior ?? null,
    committee: organization.committee ?? committee,
    place: organization.place ?? place ?? name,
  };
}
