// The seed: fictitious test CPRs that fail modulus 11 and match birth date and sex, deterministic
// content, scores consistent with the answers, and the intended colour outcomes per citizen.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { birthYear, containsCprLike, formatCpr, passesMod11 } from '../src/cpr.mjs';
import { buildSeed, FICTITIOUS_TAG } from '../src/seed.mjs';

/** @type {Awaited<ReturnType<typeof buildSeed>>} */
let seed;
before(async () => {
  seed = await buildSeed();
});
const ofType = (type) => seed.resources.filter((r) => r.resourceType === type);

describe('citizens', () => {
  it('has at least 6 fictitious citizens with test CPRs that fail modulus 11', () => {
    const patients = ofType('Patient');
    assert.ok(patients.length >= 6);
    for (const p of patients) {
      const cpr = p.identifier.find((i) => i.system === 'urn:oid:1.2.208.176.1.2').value;
      assert.match(cpr, /^\d{10}$/);
      assert.equal(passesMod11(cpr), false, `${cpr} must fail modulus 11`);
      assert.ok(Number(cpr.slice(6)) >= 9900, 'serial in the high test range');
      const [dd, mm, yy, digit7, last] = [cpr.slice(0, 2), cpr.slice(2, 4), Number(cpr.slice(4, 6)), Number(cpr[6]), Number(cpr[9])];
      assert.equal(p.birthDate, `${birthYear(yy, digit7)}-${mm}-${dd}`, 'birth date consistent with the CPR');
      assert.equal(last % 2 === 1 ? 'male' : 'female', p.gender, 'sex digit consistent with gender');
      assert.ok(p.meta.tag.some((t) => t.code === FICTITIOUS_TAG.code), 'tagged fictitious');
      assert.ok(p.name[0].given.includes('Test'));
    }
  });

  it('is deterministic', async () => {
    const again = await buildSeed();
    assert.deepEqual(again.resources, seed.resources);
  });
});

describe('clinical content', () => {
  it('has staff, organisation, care teams, questionnaires and plan templates', () => {
    assert.equal(ofType('Practitioner').length, 6);
    assert.equal(ofType('PractitionerRole').length, 6);
    assert.equal(ofType('Organization')[0].name, 'Testkommune');
    assert.deepEqual(ofType('CareTeam').map((t) => t.name), ['Rehabiliteringsteamet, Testkommune', 'Hjerterehabilitering Nord', 'Diabetesteam Syd', 'Genoptræning Øst']);
    const versions = ofType('Questionnaire').map((q) => `${q.id}@${q.version}`).sort();
    assert.deepEqual(versions, ['kommunal-rehabilitering@1.1.0', 'who-5-v0.9@0.9.0', 'who-5@1.0.0']);
    const plans = Object.fromEntries(ofType('PlanDefinition').map((p) => [p.title, p]));
    const heart = plans['Hjerterehabilitering: start, midt, slut'];
    assert.deepEqual(heart.action.map((a) => a.relatedAction?.[0]?.offsetDuration?.value ?? 0), [0, 6, 12]);
    assert.equal(plans['Diabetes: start og slut'].action.length, 2);
    const ad = ofType('ActivityDefinition').find((a) => heart.action[0].definitionCanonical === `${a.url}|${a.version}`);
    assert.ok(ad, 'PlanDefinition -> ActivityDefinition');
    assert.match(ad.extension[0].valueCanonical, /Questionnaire\/kommunal-rehabilitering\|1\.1\.0$/, 'ActivityDefinition -> Questionnaire');
  });

  it('gives every citizen an episode, a plan with service requests and three responses based on them', () => {
    for (const p of ofType('Patient')) {
      const ref = `Patient/${p.id}`;
      assert.equal(ofType('EpisodeOfCare').filter((e) => e.patient.reference === ref).length, 1);
      const plan = ofType('CarePlan').find((c) => c.subject.reference === ref);
      assert.equal(plan.activity.length, 3);
      const responses = ofType('QuestionnaireResponse').filter((q) => q.subject.reference === ref);
      assert.equal(responses.length, 3);
      const requestIds = plan.activity.map((a) => a.reference.reference);
      assert.deepEqual(responses.map((r) => r.basedOn[0].reference), requestIds);
      const authored = responses.map((r) => Date.parse(r.authored));
      const weeks = (authored[2] - authored[0]) / (7 * 24 * 3600 * 1000);
      assert.ok(weeks > 11 && weeks < 13, `spread over 12 weeks (${weeks.toFixed(1)})`);
    }
  });

  it('stores scores that match the answers (WHO-5 = sum x 4)', () => {
    const items = (qr) => {
      const out = new Map();
      const walk = (list) => list?.forEach((i) => (i.answer ? out.set(i.linkId, i.answer) : walk(i.item)));
      walk(qr.item);
      return out;
    };
    const q = ofType('Questionnaire').find((x) => x.id === 'kommunal-rehabilitering');
    const ordinal = (linkId, code) => {
      const find = (list) => list?.flatMap((i) => (i.linkId === linkId ? [i] : find(i.item) ?? []));
      const item = find(q.item)[0];
      return item.answerOption.find((o) => o.valueCoding.code === code).extension.find((e) => e.url.endsWith('ordinalValue')).valueDecimal;
    };
    for (const qr of ofType('QuestionnaireResponse')) {
      const a = items(qr);
      const sum = ['t1', 't2', 't3', 't4', 't5'].reduce((acc, id) => acc + ordinal(id, a.get(id)[0].valueCoding.code), 0);
      assert.equal(a.get('who5-score')[0].valueDecimal, sum * 4, qr.id);
      assert.ok(a.has('humoer-score') && a.has('oslo3-score') && a.has('auditc-score'));
    }
  });

  it('produces mostly red, mostly yellow and mostly green citizens under the colour rules', () => {
    const byName = Object.fromEntries(seed.summary.citizens.map((c) => [c.id, c]));
    const majority = (result) => {
      const counts = { red: 0, yellow: 0, green: 0 };
      for (const colour of Object.values(result.domains)) counts[colour]++;
      return Object.entries(counts).sort((x, y) => y[1] - x[1])[0][0];
    };
    assert.deepEqual(byName['inge-test-jensen'].results.map(majority), ['red', 'red', 'red']);
    assert.deepEqual(byName['poul-test-nielsen'].results.map(majority), ['yellow', 'yellow', 'yellow']);
    assert.deepEqual(byName['karen-test-hansen'].results.map(majority), ['green', 'green', 'green']);
    assert.deepEqual(byName['jens-test-pedersen'].results.map((r) => r.overall), ['red', 'yellow', 'yellow']);
    assert.deepEqual(byName['jens-test-pedersen'].results.map(majority), ['red', 'yellow', 'green']);
    assert.equal(byName['birthe-test-andersen'].results[2].overall, 'red');
    assert.ok(byName['karen-test-hansen'].results.some((r) => r.overall === 'green'));
  });
});

describe('care teams and tasks', () => {
  const membersOf = (team) => team.participant.map((p) => p.member.reference);
  it('puts Hanne and Mads in some teams and not in others, with FUT participant roles and no subject', () => {
    const teams = Object.fromEntries(ofType('CareTeam').map((t) => [t.id, t]));
    const inTeams = (who) => Object.keys(teams).filter((id) => membersOf(teams[id]).includes(`Practitioner/${who}`));
    assert.deepEqual(inTeams('practitioner-mads'), ['rehabiliteringsteam', 'hjerterehabilitering-nord']);
    assert.deepEqual(inTeams('practitioner-hanne'), ['rehabiliteringsteam', 'diabetesteam-syd']);
    for (const team of Object.values(teams)) {
      assert.equal(team.subject, undefined, 'FUT: teams are not per citizen');
      assert.ok(team.reasonCode?.length && team.status === 'active');
      for (const p of team.participant) assert.equal(p.role[0].coding[0].system, 'http://ehealth.sundhed.dk/cs/careteam-participant-role');
    }
    for (const plan of ofType('CarePlan')) {
      const episode = ofType('EpisodeOfCare').find((e) => e.patient.reference === plan.subject.reference);
      assert.deepEqual(plan.careTeam.map((r) => r.reference), episode.team.map((r) => r.reference), 'the plan and the episode name the same team');
    }
  });

  it('gives every seeded response its ClinicalImpression and Task, as its arrival would; each citizen’s newest still open', () => {
    const responses = ofType('QuestionnaireResponse');
    const tasks = ofType('Task');
    assert.equal(tasks.length, responses.length);
    for (const qr of responses) {
      const task = tasks.find((t) => t.identifier[0].value === `arrival:${qr.id}`);
      assert.ok(task, qr.id);
      const ci = ofType('ClinicalImpression').find((c) => `ClinicalImpression/${c.id}` === task.focus.reference);
      assert.equal(ci.investigation[0].item[0].reference, `QuestionnaireResponse/${qr.id}`);
      assert.equal(Date.parse(task.authoredOn) - Date.parse(qr.authored), 5 * 60 * 1000, 'made five minutes after it arrived');
      const plan = ofType('CarePlan').find((p) => p.subject.reference === qr.subject.reference);
      assert.deepEqual(task.extension.filter((e) => e.url.endsWith('ehealth-task-responsible')).map((e) => e.valueReference.reference), plan.careTeam.map((r) => r.reference));
      const newest = qr.id.endsWith('-slut-svar');
      assert.equal(task.status, newest ? (qr.id.startsWith('jens-') ? 'in-progress' : 'requested') : 'completed', qr.id);
      if (task.status === 'completed') {
        assert.equal(task.note[0].text, 'Vurderet');
        const team = ofType('CareTeam').find((t) => `CareTeam/${t.id}` === plan.careTeam[0].reference);
        assert.ok(membersOf(team).includes(task.owner.reference), 'assessed by a member of the team');
        assert.notEqual(task.owner.reference, 'Practitioner/practitioner-hanne', 'not by a read-only clinician');
      }
    }
    const red = tasks.filter((t) => t.status !== 'completed' && t.priority === 'asap').map((t) => t.for.reference);
    assert.deepEqual(red, ['Patient/inge-test-jensen', 'Patient/birthe-test-andersen'], 'red first: Inge and Birthe');
  });

  it('seeds a large municipality quickly and deterministically (2,000 citizens, 5,000 open tasks)', async () => {
    const started = performance.now();
    const big = await buildSeed({ citizens: 2000, openTasks: 5000 });
    const ms = performance.now() - started;
    const count = (type) => big.resources.filter((r) => r.resourceType === type).length;
    assert.equal(count('Patient'), 2000);
    assert.equal(count('QuestionnaireResponse'), 6000);
    assert.equal(big.resources.filter((r) => r.resourceType === 'Task' && r.status !== 'completed').length, 5000);
    assert.equal(big.summary.openTasks, 5000);
    const cprs = big.resources.filter((r) => r.resourceType === 'Patient').map((p) => p.identifier[0].value);
    assert.equal(new Set(cprs).size, 2000, 'every CPR once');
    for (const cpr of cprs) assert.equal(passesMod11(cpr), false);
    assert.ok(ms < 30_000, `built in ${Math.round(ms)} ms`);
    const [a, b] = [await buildSeed({ citizens: 300, openTasks: 600 }), await buildSeed({ citizens: 300, openTasks: 600 })];
    assert.deepEqual(a.resources, b.resources, 'deterministic');
  });
});

describe('CPR helpers', () => {
  it('formats and spots CPR-like numbers without flagging UUIDs or timestamps', () => {
    assert.equal(formatCpr('0201609995'), '020160-9995');
    assert.ok(containsCprLike('/fhir/Patient?identifier=urn:oid:1.2.208.176.1.2|0201609995'));
    assert.ok(containsCprLike('/x/020160-9995'));
    assert.ok(!containsCprLike('/fhir/QuestionnaireResponse/3f2b1c4d-1234-4321-8123-123456789012/_history/1'));
    assert.ok(!containsCprLike('/fhir/Observation?date=2026-11-22&_count=1763800000'));
    // Random tokens that happen to hold ten digits are not CPR numbers (hex state, base64url codes).
    assert.ok(!containsCprLike('/oidc/auth?state=9f0201609995ab'));
    assert.ok(!containsCprLike('/app/?code=Zq_0201609995-xY&state=0201609995e1'));
    assert.ok(containsCprLike('/fhir/Patient?identifier=0201609995&x=1'));
  });
});
