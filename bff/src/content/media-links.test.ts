import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { createMediaLinks, MEDIA_LINK_TTL_MS } from './media-links';

describe('signed media links', () => {
  const clock = { ms: Date.parse('2026-11-24T02:00:00Z') };
  const links = createMediaLinks(randomBytes(32), () => new Date(clock.ms));

  test('when a link is fresh, then it opens its upload; after its lifetime it opens nothing', () => {
    const id = randomUUID();
    const token = links.token(id);
    assert.match(token, /^[A-Za-z0-9_-]{48}$/);
    assert.equal(links.uploadOf(token), id);
    clock.ms += MEDIA_LINK_TTL_MS + 1000;
    assert.equal(links.uploadOf(token), null);
  });

  test('when a token is altered, made with another key or malformed, then it opens nothing', () => {
    const token = links.token(randomUUID());
    const flipped = token.slice(0, 5) + (token[5] === 'A' ? 'B' : 'A') + token.slice(6);
    assert.equal(links.uploadOf(flipped), null);
    const other = createMediaLinks(randomBytes(32), () => new Date(clock.ms));
    assert.equal(other.uploadOf(token), null);
    for (const bad of ['', 'x', '../../etc/passwd', token + 'A']) assert.equal(links.uploadOf(bad), null);
  });
});
