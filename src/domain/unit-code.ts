// What a unit code looks like: letters, digits, dots, hyphens and underscores, at most 32 (GT-01, P-GIATHUY).
export const unitCodePattern = /^[A-Za-z0-9._-]{1,32}$/;
