import { expect } from '@open-wc/testing';
import { isAllowedFhirServer, normaliseFhirBase, withoutCpr } from './launch-safety.js';
import { errorKindOf, FhirRequestError } from './data-source.js';

const ROLE = 'https://kpro.example.dk/fhir/smart-role/cpr-context';
type TokenResponse = { access_token?: string; patient?: string; fhirContext?: unknown };

describe('launch safety: known FHIR servers only', () => {
  it('normalises bases and refuses what is not a plain https (or loopback http) URL', () => {
    expect(normaliseFhirBase('HTTPS://FHIR.Example.dk:443/fhir/')).to.equal('https://fhir.example.dk/fhir');
    expect(normaliseFhirBase('http://localhost:8080/fhir')).to.equal('http://localhost:8080/fhir');
    expect(normaliseFhirBase('http://fhir.example.dk/fhir'), 'plain http off loopback').to.equal(undefined);
    expect(normaliseFhirBase('https://user:pw@fhir.example.dk/fhir')).to.equal(undefined);
    expect(normaliseFhirBase('https://fhir.example.dk/fhir?x=1')).to.equal(undefined);
    expect(normaliseFhirBase('https://fhir.example.dk/fhir#x')).to.equal(undefined);
    expect(normaliseFhirBase('javascript:alert(1)')).to.equal(undefined);
    expect(normaliseFhirBase('/fhir')).to.equal(undefined);
    expect(normaliseFhirBase(null)).to.equal(undefined);
  });

  it('allows exactly the configured bases, and same-origin as <origin>/fhir', () => {
    const allowed = ['https://fhir.kommune.dk/fhir', 'same-origin'];
    const origin = 'http://127.0.0.1:8080';
    expect(isAllowedFhirServer('https://fhir.kommune.dk/fhir', allowed, origin)).to.equal(true);
    expect(isAllowedFhirServer('https://fhir.kommune.dk/fhir/', allowed, origin)).to.equal(true);
    expect(isAllowedFhirServer('http://127.0.0.1:8080/fhir', allowed, origin)).to.equal(true);
    for (const iss of [
      'https://fhir.kommune.dk/fhir.evil.example',
      'https://fhir.kommune.dk/fhir/../other',
      'https://fhir.kommune.dk.evil.example/fhir',
      'https://evil.example/fhir',
      'http://localhost:8080/fhir',
      'http://127.0.0.1:8081/fhir',
      '',
    ]) {
      expect(isAllowedFhirServer(iss, allowed, origin), iss).to.equal(false);
    }
    expect(isAllowedFhirServer('http://127.0.0.1:8080/fhir', ['same-origin']), 'same-origin needs an origin').to.equal(false);
  });
});

describe('launch safety: no CPR kept', () => {
  it('drops CPR items from fhirContext, keeps the rest, and remembers the Patient found by it', () => {
    const token: TokenResponse & { fhirContext: unknown[] } = {
      access_token: 'x',
      fhirContext: [
        { type: 'Patient', role: ROLE, identifier: { system: 'urn:oid:1.2.208.176.1.2', value: '0101709999' } },
        { reference: 'Encounter/1' },
        { type: 'Patient', identifier: { system: 'urn:oid:1.2.208.176.1.2', value: '0202809999' } },
      ],
    };
    const out = withoutCpr(token, ROLE, 'p1');
    expect(out.fhirContext).to.deep.equal([{ reference: 'Encounter/1' }]);
    expect(out.patient).to.equal('p1');
    expect(JSON.stringify(out)).to.not.contain('9999');
    expect(token.fhirContext, 'the original is not changed').to.have.length(3);
    const only = withoutCpr<TokenResponse>({ patient: 'p2', fhirContext: [{ role: ROLE, identifier: { value: '0101709999' } }] }, ROLE, 'other');
    expect(only).to.deep.equal({ patient: 'p2' }, 'an existing patient is kept; an emptied fhirContext goes');
    expect(withoutCpr<TokenResponse>({ access_token: 'y' }, ROLE)).to.deep.equal({ access_token: 'y' });
  });
});

describe('error kinds', () => {
  it('classifies data-source errors for translated messages', () => {
    expect(errorKindOf(new FhirRequestError('network', 0, 'Failed to fetch'))).to.equal('network');
    expect(errorKindOf(new TypeError('Failed to fetch'))).to.equal('unknown');
  });
});
