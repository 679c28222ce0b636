/**
 * Danish CPR numbers (personnummer). The system URI is the dk-core one. Since 2007 CPR numbers without
 * a valid modulus-11 check are issued, and the official test numbers deliberately fail it, so mod-11 is
 * never a validity check here, only information.
 */
export const CPR_SYSTEM = 'urn:oid:1.2.208.176.1.2';

export interface Cpr {
  /** Ten digits, no separator. */
  digits: string;
  birthDate: string;
  sex: 'male' | 'female';
}

/** Parses "DDMMYY-SSSS", "DDMMYYSSSS" or with a space; undefined when it is not a plausible CPR. */
export function parseCpr(input: string): Cpr | undefined {
  const digits = input.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) return undefined;
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const yy = Number(digits.slice(4, 6));
  const seventh = Number(digits[6]);
  const year = yy + centuryOf(seventh, yy);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return {
    digits,
    birthDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    sex: Number(digits[9]) % 2 === 1 ? 'male' : 'female',
  };
}

/** The century from the 7th digit, as the CPR office defines it. */
function centuryOf(seventh: number, yy: number): number {
  if (seventh <= 3) return 1900;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800;
}

export function formatCpr(digits: string): string {
  const d = digits.replace(/[\s-]/g, '');
  return `${d.slice(0, 6)}-${d.slice(6)}`;
}

/** Masked for display: birth date shown, serial hidden (e.g. "010170-xxxx"). */
export function maskCpr(digits: string): string {
  const d = digits.replace(/[\s-]/g, '');
  return `${d.slice(0, 6)}-xxxx`;
}

export function mod11Passes(digits: string): boolean {
  const d = digits.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(d)) return false;
  const weights = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
  return weights.reduce((sum, w, i) => sum + w * Number(d[i]), 0) % 11 === 0;
}

export function cprIdentifier(digits: string): fhir4.Identifier {
  return { system: CPR_SYSTEM, value: digits.replace(/[\s-]/g, '') };
}

/** The CPR of a Patient, if it has one. */
export function cprOf(patient: fhir4.Patient | undefined): string | undefined {
  return patient?.identifier?.find((i) => i.system === CPR_SYSTEM)?.value;
}
