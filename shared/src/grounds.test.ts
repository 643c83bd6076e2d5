import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import {
  REFUSAL_GROUNDS,
  REFUSAL_GROUNDS_CODES,
  REPORT_NOT_OPEN_GROUNDS,
  REPORT_NOT_OPEN_GROUNDS_CODES,
  TERMINATION_GROUNDS,
  TERMINATION_GROUNDS_CODES,
  type Ground,
  type TerminationGroundCode,
} from './grounds';

const catalogues: Array<[string, readonly Ground[], readonly string[]]> = [
  ['REFUSAL_GROUNDS', REFUSAL_GROUNDS, REFUSAL_GROUNDS_CODES],
  ['TERMINATION_GROUNDS', TERMINATION_GROUNDS, TERMINATION_GROUNDS_CODES],
  ['REPORT_NOT_OPEN_GROUNDS', REPORT_NOT_OPEN_GROUNDS, REPORT_NOT_OPEN_GROUNDS_CODES],
];

describe('ground catalogues', () => {
  for (const [name, grounds, codes] of catalogues) {
    it(`when ${name} is listed, then its codes are unique snake_case and match the *_CODES tuple`, () => {
      assert.equal(new Set(codes).size, grounds.length);
      assert.deepEqual(
        [...codes],
        grounds.map((ground) => ground.code),
      );
      for (const code of codes) assert.match(code, /^[a-z]+(_[a-z0-9]+)*$/, code);
    });

    it(`when ${name} is listed, then every entry has its Chinese and English text and a source`, () => {
      for (const ground of grounds) {
        assert.match(ground.textZh, /\p{Script=Han}/u, ground.code);
        assert.ok(ground.textEn.trim().length > 0, ground.code);
        assert.match(ground.source, /\p{Script=Han}/u, ground.code);
      }
    });
  }

  it('when non-acceptance grounds are listed, then they are the seven of Order 121 Art. 16', () => {
    assert.deepEqual(
      [...REFUSAL_GROUNDS_CODES],
      [
        'outside_duties_or_jurisdiction',
        'handled_elsewhere',
        'not_living_consumption_or_no_dispute',
        'over_three_years',
        'materials_missing',
        'impersonation_or_identity_refused',
        'other_legal_ground',
      ],
    );
  });

  it('when termination grounds are listed, then the 45-day expiry and the late non-acceptance ground are there', () => {
    assert.equal(TERMINATION_GROUNDS_CODES.length, 7);
    const expired = TERMINATION_GROUNDS.find((ground) => ground.code === 'mediation_period_expired');
    assert.match(expired?.source ?? '', /第二十一条第（五）项/);
    assert.ok(TERMINATION_GROUNDS_CODES.includes('non_acceptance_ground_found'));
  });

  it('when report grounds are listed, then duplicates are one of them', () => {
    assert.ok(REPORT_NOT_OPEN_GROUNDS_CODES.includes('duplicate_report'));
  });

  it('when a *_CODES tuple is used in z.enum, then it accepts its codes only', () => {
    const schema = z.enum(TERMINATION_GROUNDS_CODES);
    const code: TerminationGroundCode = schema.parse('agreement_impossible');
    assert.equal(code, 'agreement_impossible');
    assert.equal(schema.safeParse('over_three_years').success, false);
    assert.equal(z.enum(REFUSAL_GROUNDS_CODES).safeParse('over_three_years').success, true);
    assert.equal(z.enum(REPORT_NOT_OPEN_GROUNDS_CODES).safeParse('duplicate_report').success, true);
  });
});
