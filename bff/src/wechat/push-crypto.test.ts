import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { encryptForPush, newEncodingAesKey } from '../../../test/fakes/fake-wechat-push';
import { decryptPush, PushDecryptError, pushSignature, signatureMatches } from './push-crypto';

describe('push crypto', () => {
  test('when WeChat encrypts a message, then it decrypts to the message and the appid, CJK included', () => {
    const key = newEncodingAesKey();
    for (const message of ['{}', JSON.stringify({ Event: 'x', 文本: '投诉'.repeat(40) })]) {
      const opened = decryptPush(key, encryptForPush(key, 'wx0123456789abcdef', message));
      assert.deepEqual(opened, { message, appId: 'wx0123456789abcdef' });
    }
  });

  test('when the key is another one or the ciphertext is cut, then it is refused, not misread', () => {
    const sealed = encryptForPush(newEncodingAesKey(), 'wxapp', '{"a":1}');
    assert.throws(() => decryptPush(newEncodingAesKey(), sealed), PushDecryptError);
    assert.throws(() => decryptPush(newEncodingAesKey(), sealed.slice(0, 20)), PushDecryptError);
  });

  test('when the signature is computed, then it is sha1 of the sorted parts and compared exactly', () => {
    // sorted: ["1409304348", "token", "xxxxxx"] joined
    const sig = pushSignature(['token', '1409304348', 'xxxxxx']);
    assert.equal(sig, pushSignature(['xxxxxx', 'token', '1409304348']));
    assert.equal(signatureMatches(sig, sig), true);
    assert.equal(signatureMatches(sig, sig.toUpperCase()), false);
    assert.equal(signatureMatches(sig, undefined), false);
  });
});
