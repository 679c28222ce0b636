// Synthetic CPR numbers for the seed. Real CPR logic (parse, mask, validate) lives in @kpro/core;
// this is only what the seed needs, in plain JS so the sandbox has no build step.

export const CPR_SYSTEM = 'urn:oid:1.2.208.176.1.2';

const WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];

/**
 * Modulus 11 check. Informational only: real CPR numbers without a check digit exist since 2007,
 * and the official test CPR numbers fail it on purpose. The seed uses it to prove every number is fictitious.
 * @param {string} cpr ten digits
 */
export function passesMod11(cpr) {
  if (!/^\d{10}$/.test(cpr)) return false;
  const sum = [...cpr].reduce((acc, d, i) => acc + Number(d) * WEIGHTS[i], 0);
  return sum % 11 === 0;
}

/**
 * Century from the 7th digit and the year, as the CPR office defines it.
 * @param {number} yy two-digit year
 * @param {number} digit7
 */
export function birthYear(yy, digit7) {
  if (digit7 <= 3) return 1900 + yy;
  if (digit7 === 4 || digit7 === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

/**
 * Builds a test CPR for a birth date: serial 99xx in the high test range, with the last digit giving
 * the sex (odd male, even female) and chosen so the number fails modulus 11.
 * @param {string} birthDate YYYY-MM-DD (1937-1999, so the 7th digit 9 gives the right century)
 * @param {'male'|'female'} gender
 * @param {number} [variant] picks another serial for the same birth date
 */
export function testCpr(birthDate, gender, variant = 0) {
  const [y, m, d] = birthDate.split('-');
  const yy = Number(y) % 100;
  if (birthYear(yy, 9) !== Number(y)) throw new Error(`test CPR: ${birthDate} outside 1937-1999`);
  const datePart = `${d}${m}${y.slice(2)}`;
  for (let serial = 9999 - variant; serial >= 9900; serial--) {
    const cpr = `${datePart}${serial}`;
    const odd = serial % 2 === 1;
    if (odd === (gender === 'male') && !passesMod11(cpr)) return cpr;
  }
  throw new Error('no test CPR found');
}

/** @param {string} cpr */
export function formatCpr(cpr) {
  return `${cpr.slice(0, 6)}-${cpr.slice(6)}`;
}

/**
 * True when a text contains something that looks like a CPR number (ten digits with a plausible
 * day and month, with or without the hyphen) standing on its own: not inside a longer run of letters
 * and digits. Random tokens (OAuth state, codes, launch ids in hex or base64url) hold digit runs by chance
 * and made the count flaky. UUIDs are removed first: their groups can hold digit runs.
 * @param {string} text
 */
export function containsCprLike(text) {
  const cleaned = text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '');
  for (const m of cleaned.matchAll(/(?<![0-9A-Za-z_-])(\d{2})(\d{2})(\d{2})-?(\d{4})(?![0-9A-Za-z_-])/g)) {
    const day = Number(m[1]);
    const month = Number(m[2]);
    if (day >= 1 && day <= 31 && month >= 1 && month <= 12) return true;
  }
  return false;
}
