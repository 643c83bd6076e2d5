import assert from 'node:assert/strict';
import { test } from 'node:test';
import { STATUS_LABELS } from './status-labels';
import { CASE_STATUSES } from './status-machine';

const HAN = /^\p{Script=Han}+$/u;

test('when a status is pushed in a subscribe message, then its phrase is at most 5 Han characters, the word itself where it fits', () => {
  for (const status of CASE_STATUSES) {
    const { zh, phrase } = STATUS_LABELS[status];
    assert.match(phrase, HAN, status);
    assert.ok(Array.from(phrase).length <= 5, `${status}: ${phrase}`);
    if (Array.from(zh).length <= 5) assert.equal(phrase, zh, status);
    else assert.ok(zh.startsWith(phrase), `${status}: ${phrase} shortens ${zh}`);
  }
});
