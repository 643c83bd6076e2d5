import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { complaintBody, loginConsumer, PNG_1X1, upload } from '../support/factories';
import { startTestApp } from '../support/test-app';
import { createTestDatabase, reopenTestDatabase, storeKinds } from '../support/test-db';

for (const store of storeKinds()) {
  describe(`restart on the same DATA_DIR (${store})`, () => {
    test('when the BFF restarts, then cases, uploads, sealed contacts, tokens and idempotent replays survive', async () => {
      const dataDir = await mkdtemp(path.join(tmpdir(), 'weiquan-restart-'));
      const database = await createTestDatabase(store, { pgliteDir: path.join(dataDir, 'pglite') });
      try {
        const first = await startTestApp({ store, dataDir, database });
        const consumer = await loginConsumer(first);
        const photo = await upload(first, consumer.accessToken);
        assert.equal(photo.status, 201);
        const body = complaintBody({ attachments: [photo.body.id] });
        const filed = await first.api.post('/cases', body, {
          token: consumer.accessToken,
          headers: { 'Idempotency-Key': 'restart-1' },
        });
        assert.equal(filed.status, 201);
        await first.stop();
        await database.db.close();

        // A new process: new services over the same store and DATA_DIR (generated secrets are read back).
        const reopened = await reopenTestDatabase(database);
        const second = await startTestApp({ store, dataDir, database: reopened });
        try {
          const seen = await second.api.get(`/cases/${filed.body.id}`, { token: consumer.accessToken });
          assert.equal(seen.status, 200, 'the access token signed before the restart still verifies');
          assert.equal(seen.body.caseNo, filed.body.caseNo);
          assert.deepEqual(
            seen.body.complainant,
            body.complainant,
            'the sealed contact opens with the kept key',
          );
          assert.deepEqual(seen.body.deadlines, filed.body.deadlines);
          const bytes = await fetch(`${second.baseUrl}/api/v1/uploads/${photo.body.id}`, {
            headers: { authorization: `Bearer ${consumer.accessToken}` },
          });
          assert.equal(bytes.status, 200);
          assert.deepEqual(Buffer.from(await bytes.arrayBuffer()), PNG_1X1);
          const replay = await second.api.post('/cases', body, {
            token: consumer.accessToken,
            headers: { 'Idempotency-Key': 'restart-1' },
          });
          assert.equal(replay.status, 201);
          assert.equal(replay.body.id, filed.body.id, 'the same key replays, it does not file again');
          const refreshed = await second.api.post('/auth/refresh', { refreshToken: consumer.refreshToken });
          assert.equal(refreshed.status, 200);
          const list = await second.api.get('/cases', { token: refreshed.body.accessToken });
          assert.deepEqual(
            list.body.items.map((i: { id: string }) => i.id),
            [filed.body.id],
          );
        } finally {
          await second.close();
        }
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    });
  });
}
