import { expect } from '@open-wc/testing';
import { describeScopes } from './scope-words.js';

const APP = 'launch openid fhirUser online_access patient/*.rs patient/QuestionnaireResponse.cru patient/CarePlan.cru user/Questionnaire.rs user/PlanDefinition.rs user/Basic.rs';

describe('scopes in words (consent page)', () => {
  it('says in Danish what a clinician lets the app do, with no raw scope left', () => {
    const lines = describeScopes(APP, 'da', 'clinician');
    expect(lines).to.deep.equal([
      'Vide, hvem du er (navn og rolle)',
      'Åbne den borger, du har valgt i journalen',
      'Læse borgerens oplysninger',
      'Læse, oprette og ændre borgerens besvarelser',
      'Læse, oprette og ændre borgerens planer',
      'Læse spørgeskemaer, planskabeloner og handlevejledninger',
      'Holde dig logget ind, mens appen er åben',
    ]);
    expect(lines.join(' ')).to.not.match(/patient\/|user\/|\.rs|\.cru/);
  });

  it('speaks to the citizen about their own data, and in English', () => {
    expect(describeScopes('launch/patient openid fhirUser patient/*.rs patient/QuestionnaireResponse.cru', 'da', 'citizen')).to.deep.equal([
      'Vide, hvem du er',
      'Åbne dine egne spørgeskemaer',
      'Læse dine oplysninger',
      'Læse, oprette og ændre dine besvarelser',
    ]);
    expect(describeScopes('patient/Task.rs offline_access', 'en', 'clinician')).to.deep.equal(["Read the citizen's tasks", 'Keep you logged in, also when the app is closed']);
  });

  it('shows a scope it has no words for as it is, marked', () => {
    expect(describeScopes('fhir:magic patient/Flag.r', 'da', 'clinician')).to.deep.equal(['Læse borgerens Flag', 'Anden adgang: fhir:magic']);
  });
});
