/** The status words have one source: the shared labels equal the mini-program's catalogue words. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CASE_STATUSES, STATUS_LABELS } from '@weiquan/shared';
import { en } from '../../miniapp/src/i18n/en';
import { zhHans } from '../../miniapp/src/i18n/zh-hans';

test('when the BFF names a status (inbox notices), then it uses the words the mini-program shows', () => {
  for (const status of CASE_STATUSES) {
    assert.equal(STATUS_LABELS[status].zh, zhHans[`status.${status}`], `zh-Hans ${status}`);
    assert.equal(STATUS_LABELS[status].en, en[`status.${status}`], `en ${status}`);
  }
});
