import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accessFor, narrowScopes, parseResourceScope, USER_SCOPE_TYPES } from '../src/scopes.mjs';
import { CITIZEN_PERMISSIONS, practitionerById } from '../src/roles.mjs';

const hanne = practitionerById('practitioner-hanne').permissions;
const mads = practitionerById('practitioner-mads').permissions;

describe('scopes', () => {
  it('parses v2 and v1', () => {
    assert.deepEqual([...parseResourceScope('patient/QuestionnaireResponse.crus').actions], ['c', 'r', 'u', 's']);
    assert.deepEqual([...parseResourceScope('patient/*.read').actions], ['r', 's']);
    assert.equal(parseResourceScope('patient/*.read').v1, true);
    assert.equal(parseResourceScope('launch/patient'), undefined);
    assert.equal(parseResourceScope('patient/observation.rs'), undefined);
  });

  it('narrows to the role', () => {
    assert.deepEqual(narrowScopes(['launch', 'patient/QuestionnaireResponse.crus', 'user/Questionnaire.rs'], hanne), ['launch', 'patient/QuestionnaireResponse.rs', 'user/Questionnaire.rs']);
    assert.deepEqual(narrowScopes(['patient/*.cruds'], hanne), ['patient/*.rs']);
    assert.ok(!narrowScopes(['patient/*.cruds'], mads).some((s) => s.startsWith('patient/AuditEvent.')), 'nobody writes AuditEvents: the server does');
    assert.ok(narrowScopes(['patient/*.cruds'], mads).includes('patient/CarePlan.cruds'));
    assert.deepEqual(narrowScopes(['patient/*.write', 'patient/AuditEvent.c'], hanne), []);
    assert.deepEqual(narrowScopes(['patient/Observation.rs?category=laboratory', 'system/*.rs', 'nonsense'], mads), []);
    assert.deepEqual(narrowScopes(['patient/QuestionnaireResponse.cruds'], CITIZEN_PERMISSIONS), ['patient/QuestionnaireResponse.crus']);
  });

  it('grants user/ scopes only to read definitions', () => {
    assert.deepEqual(narrowScopes(['user/*.rs'], mads), USER_SCOPE_TYPES.map((t) => `user/${t}.rs`));
    assert.deepEqual(narrowScopes(['user/*.read'], hanne), USER_SCOPE_TYPES.map((t) => `user/${t}.read`));
    assert.deepEqual(narrowScopes(['user/QuestionnaireResponse.rs', 'user/Patient.cruds', 'user/AuditEvent.cruds', 'user/Questionnaire.cruds'], mads), ['user/Questionnaire.rs']);
    assert.deepEqual(narrowScopes(['user/*.cruds', 'patient/*.rs'], CITIZEN_PERMISSIONS).filter((s) => !USER_SCOPE_TYPES.some((t) => s === `user/${t}.rs`)), ['patient/*.rs']);
  });

  it('tells patient-level from user-level access', () => {
    const granted = ['patient/*.rs', 'user/Questionnaire.rs', 'patient/QuestionnaireResponse.cu'];
    assert.equal(accessFor(granted, 'Questionnaire', 'r'), 'all');
    assert.equal(accessFor(granted, 'Patient', 's'), 'patient');
    assert.equal(accessFor(granted, 'QuestionnaireResponse', 'c'), 'patient');
    assert.equal(accessFor(granted, 'QuestionnaireResponse', 'd'), null);
    assert.equal(accessFor(['patient/*.read'], 'Task', 'u'), null);
  });
});
