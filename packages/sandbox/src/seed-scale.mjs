// A large municipality for measuring (`npm run sandbox:reset -- --citizens 2000 --tasks 5000`): citizens
// beyond the six named ones, generated deterministically (the same names, CPR numbers, teams, dates and
// answers every time), each with the same kind of record as the named ones. Their answers are drawn from
// the named citizens' answer profiles, so the colours are the ones the seed is known to give.
import { passesMod11, testCpr } from './cpr.mjs';
import { CARE_TEAMS } from './seed-teams.mjs';

const GIVEN = {
  female: ['Anna', 'Birgit', 'Dorthe', 'Ellen', 'Grete', 'Hanne', 'Ida', 'Jette', 'Kirsten', 'Lene', 'Marianne', 'Nina', 'Ruth', 'Susanne', 'Tove', 'Vibeke'],
  male: ['Anders', 'Bent', 'Carsten', 'Erik', 'Finn', 'Henrik', 'Jørgen', 'Kim', 'Lars', 'Niels', 'Ole', 'Peter', 'Søren', 'Torben', 'Uffe', 'Villy'],
};
const FAMILY = ['Andersen', 'Christensen', 'Frederiksen', 'Hansen', 'Jakobsen', 'Jensen', 'Johansen', 'Larsen', 'Madsen', 'Mortensen', 'Møller', 'Nielsen', 'Olsen', 'Pedersen', 'Poulsen', 'Rasmussen', 'Sørensen', 'Thomsen'];

const DAY = 24 * 60 * 60 * 1000;
/** Generated courses start on Mondays from 5 January 2026, one start day per week for 34 weeks (the last answers fall in November). */
const FIRST_START = Date.UTC(2026, 0, 5, 8, 0, 0);
const START_WEEKS = 34;

/**
 * @param {number} count how many to generate
 * @param {string[][]} profiles answer profiles to draw from (three per citizen: start, mid, end)
 * @param {Set<string>} usedCprs CPR numbers already taken (the named citizens'); filled as it goes
 * @returns {{ citizen: any, start: number, cpr: string }[]}
 */
export function generatedCitizens(count, profiles, usedCprs) {
  const out = [];
  for (let i = 0; i < count; i++) {
    const gender = i % 2 ? 'male' : 'female';
    const given = GIVEN[gender][(i * 7) % GIVEN[gender].length];
    const family = FAMILY[(i * 5 + Math.floor(i / 16)) % FAMILY.length];
    const year = 1938 + ((i * 13) % 60);
    const birthDate = `${year}-${String(((i * 5) % 12) + 1).padStart(2, '0')}-${String(((i * 11) % 28) + 1).padStart(2, '0')}`;
    let cpr;
    for (let variant = 0; !cpr || usedCprs.has(cpr); variant++) cpr = testCpr(birthDate, gender, variant);
    if (passesMod11(cpr)) throw new Error(`seed: ${cpr} passes modulus 11`);
    usedCprs.add(cpr);
    const id = `borger-${String(i + 1).padStart(5, '0')}`;
    out.push({
      citizen: {
        id,
        team: CARE_TEAMS[i % CARE_TEAMS.length].id,
        given,
        family,
        gender,
        birthDate,
        outcome: 'generated',
        profiles: profiles[(i * 7) % profiles.length],
      },
      start: FIRST_START + (i % START_WEEKS) * 7 * DAY,
      cpr,
    });
  }
  return out;
}
