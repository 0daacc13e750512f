// Vietnamese phone numbers, stored in one form (+84…) so that 0912…, 84912… and +84 912… match.

/**
 * Mobile prefixes retired in Vietnam's 2018 renumbering (11-digit numbers, e.g. 0168 xxx xxxx) and the
 * 10-digit prefixes that replaced them (0168 xxx xxxx is today 038 xxx xxxx): the official mapping.
 */
export const renumberedMobilePrefixes: Readonly<Record<string, string>> = {
  "0120": "070",
  "0121": "079",
  "0122": "077",
  "0126": "076",
  "0128": "078",
  "0123": "083",
  "0124": "084",
  "0125": "085",
  "0127": "081",
  "0129": "082",
  "0162": "032",
  "0163": "033",
  "0164": "034",
  "0165": "035",
  "0166": "036",
  "0167": "037",
  "0168": "038",
  "0169": "039",
  "0186": "056",
  "0188": "058",
  "0199": "059",
};

export interface ParsedPhone {
  /** +84XXXXXXXXX */
  phone: string;
  /** Set when the input was an 11-digit mobile number from before 2018, converted to today's number. */
  renumbered: boolean;
}

/** Reads a Vietnamese mobile or landline number; null when it is not one. */
export function parseVietnamesePhone(input: string): ParsedPhone | null {
  const compact = input.trim().replace(/[\s.\-()]/g, "");
  let national: string;
  if (/^\+84\d+$/.test(compact)) national = compact.slice(3);
  else if (/^0084\d+$/.test(compact)) national = compact.slice(4);
  else if (/^84\d{9,10}$/.test(compact)) national = compact.slice(2);
  else if (/^0\d+$/.test(compact)) national = compact.slice(1);
  else return null;
  // Mobiles: 9 digits after the 0, starting 3, 5, 7, 8 or 9. Landlines: 10 digits starting 2.
  if (/^[35789]\d{8}$/.test(national) || /^2\d{9}$/.test(national))
    return { phone: `+84${national}`, renumbered: false };
  // Before 2018: 10 digits after the 0, starting 12, 16, 18 or 19 (0168 123 4567 → 038 123 4567).
  if (/^1\d{9}$/.test(national)) {
    const today = renumberedMobilePrefixes[`0${national.slice(0, 3)}`];
    if (today) return { phone: `+84${today.slice(1)}${national.slice(3)}`, renumbered: true };
  }
  return null;
}

/** Returns the number as +84XXXXXXXXX, or null when it is not a Vietnamese mobile or landline number. */
export function normalizeVietnamesePhone(input: string): string | null {
  return parseVietnamesePhone(input)?.phone ?? null;
}

/** For people reading a list: "0912 345 678". */
export function formatPhoneForDisplay(normalized: string): string {
  const national = `0${normalized.replace(/^\+84/, "")}`;
  return national.length === 10
    ? `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`
    : `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`;
}
