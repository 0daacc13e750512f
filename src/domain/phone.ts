// Vietnamese phone numbers, stored in one form (+84…) so that 0912…, 84912… and +84 912… match.

/** Returns the number as +84XXXXXXXXX, or null when it is not a Vietnamese mobile or landline number. */
export function normalizeVietnamesePhone(input: string): string | null {
  const compact = input.trim().replace(/[\s.\-()]/g, "");
  let national: string;
  if (/^\+84\d+$/.test(compact)) national = compact.slice(3);
  else if (/^0084\d+$/.test(compact)) national = compact.slice(4);
  else if (/^84\d{9,10}$/.test(compact)) national = compact.slice(2);
  else if (/^0\d+$/.test(compact)) national = compact.slice(1);
  else return null;
  // Mobiles: 9 digits after the 0, starting 3, 5, 7, 8 or 9. Landlines: 10 digits starting 2.
  if (/^[35789]\d{8}$/.test(national) || /^2\d{9}$/.test(national)) return `+84${national}`;
  return null;
}

/** For people reading a list: "0912 345 678". */
export function formatPhoneForDisplay(normalized: string): string {
  const national = `0${normalized.replace(/^\+84/, "")}`;
  return national.length === 10
    ? `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`
    : `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`;
}
