// Which answers the seed gives to the rehab questionnaire ("kommunal-rehabilitering"), per domain
// and colour level. Picked by hand against the colour rules in the questionnaire, so a "red" domain
// really triggers red rules (and the cross-domain flags), "yellow" yellow ones and "green" green ones.
// Scores are not listed: the seed computes them with the questionnaire's own FHIRPath expressions.

export const DOMAINS = ['trivsel', 'hverdagsliv', 'soevn', 'netvaerk', 'alkohol', 'rygning', 'fysisk-aktivitet', 'seksualitet', 'sygdomshaandtering'];

/** linkId -> answer code (choice items) or number (integer items), per domain and level. */
export const ANSWERS = {
  trivsel: {
    // WHO-5 4+4+5+4+3 = 80 (green), own mood score 0+1 = 1 (green)
    green: { t1: 'det-meste-af-tiden', t2: 'det-meste-af-tiden', t3: 'hele-tiden', t4: 'det-meste-af-tiden', t5: 'lidt-mere-end-halvdelen-af-tiden', 'humoer-1': 'aldrig', 'humoer-2': 'en-gang-imellem' },
    // WHO-5 3+2+3+2+2 = 48 (yellow), own mood score 1+1 = 2 (yellow)
    yellow: { t1: 'lidt-mere-end-halvdelen-af-tiden', t2: 'lidt-mindre-end-halvdelen-af-tiden', t3: 'lidt-mere-end-halvdelen-af-tiden', t4: 'lidt-mindre-end-halvdelen-af-tiden', t5: 'lidt-mindre-end-halvdelen-af-tiden', 'humoer-1': 'en-gang-imellem', 'humoer-2': 'en-gang-imellem' },
    // WHO-5 1+0+1+2+1 = 20 (red; items 0-1 yellow), own mood score 2+3 = 5 (red)
    red: { t1: 'lidt-af-tiden', t2: 'paa-intet-tidspunkt', t3: 'lidt-af-tiden', t4: 'lidt-mindre-end-halvdelen-af-tiden', t5: 'lidt-af-tiden', 'humoer-1': 'ofte', 'humoer-2': 'naesten-hele-tiden' },
  },
  hverdagsliv: {
    green: { h1: 'slet-ikke', h2: 'lidt', h3: 'lidt', h4: 'slet-ikke' },
    yellow: { h1: 'en-del', h2: 'lidt', h3: 'en-del', h4: 'lidt' },
    red: { h1: 'meget', h2: 'en-del', h3: 'meget', h4: 'meget' },
  },
  soevn: {
    green: { s1: '1-2', s2: 'lidt', s3: 'nej' },
    yellow: { s1: '3-4', s2: 'en-del', s3: 'ved-ikke' },
    // S2 = Meget with S1 >= 3 nights: the cross-domain flag soevn-risiko (red)
    red: { s1: '5-7', s2: 'meget', s3: 'ja' },
  },
  netvaerk: {
    // Oslo-3 3+5+4 = 12 (green)
    green: { n1: '3-5', n2: 'meget', n3: 'let', e1: 'sjaeldent' },
    // Oslo-3 2+4+3 = 9 (green band) but E1 Ofte (yellow); above 8, so no netvaerk-risiko
    yellow: { n1: '1-2', n2: 'noget', n3: 'muligt', e1: 'ofte' },
    // Oslo-3 1+2+2 = 5 (yellow) and E1 Hele tiden: netvaerk-risiko (red)
    red: { n1: 'ingen', n2: 'lidt', n3: 'svaert', e1: 'hele-tiden' },
  },
  alkohol: {
    green: { a1: 'hoejst-en-gang-om-maaneden', a2: '1-2', a3: 'aldrig' }, // AUDIT-C 1
    yellow: { a1: '2-3-gange-om-ugen', a2: '3-4', a3: 'sjaeldent' }, // AUDIT-C 5
    red: { a1: '4-gange-om-ugen-eller-oftere', a2: '5-6', a3: 'ugentligt' }, // AUDIT-C 9
  },
  rygning: {
    green: { r1: 'aldrig-roeget' },
    yellow: { r1: 'holdt-op-inden-for-et-halvt-aar' },
    red: { r1: 'ja-dagligt', r2: 'ja-men-ikke-nu' },
  },
  'fysisk-aktivitet': {
    green: { f1: 5, f2: 'nej' },
    yellow: { f1: 3, f2: 'ja-lidt' },
    red: { f1: 1, f2: 'ja-meget' },
  },
  seksualitet: {
    // This domain has no red rule: "red" gives its strongest colour, yellow.
    green: { x1: 'nej', x2: 'nej' },
    yellow: { x1: 'ja-lidt', x2: 'ja' },
    red: { x1: 'ja-meget', x2: 'ja' },
  },
  sygdomshaandtering: {
    green: { m1: 'tryg', m2: 'lidt' },
    yellow: { m1: 'lidt-utryg', m2: 'en-del' },
    // M2 = Meget with WHO-5 <= 50 also raises sygdom-risiko (red)
    red: { m1: 'meget-utryg', m2: 'meget' },
  },
};

const LEVEL = { G: 'green', Y: 'yellow', R: 'red' };

/** 'RRYG…' (one letter per domain, in DOMAINS order) -> { domain: level } */
export function parseProfile(text) {
  if (text.length !== DOMAINS.length) throw new Error(`profile ${text}: expected ${DOMAINS.length} letters`);
  return Object.fromEntries(DOMAINS.map((d, i) => [d, LEVEL[text[i]]]));
}
