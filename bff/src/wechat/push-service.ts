/**
 * The message push server (`/wechat/push`): URL verification, and pushed events in JSON, plain or
 * safe mode. A valid event is recorded once (its dedup key is the table's primary key), answered
 * `success` at once, and acted on right after the answer: WeChat retries when it waits over 5 s.
 */
import type { Logger } from 'pino';
import { AppError } from '../errors';
import type { Db } from '../store/db';
import { decryptPush, pushSignature, PushDecryptError, signatureMatches } from './push-crypto';
import { readPushEvent, type PushEnvelope } from './push-events';

export interface PushSettings {
  token: string;
  /** the EncodingAESKey; unset = safe mode refused */
  aesKey?: string;
  appId: string;
}

export type PushHandler = (event: PushEnvelope) => Promise<void>;

type Query = Record<string, unknown>;
const q = (query: Query, name: string) => (typeof query[name] === 'string' ? (query[name] as string) : '');
const badSignature = () => new AppError('UNAUTHENTICATED', 'The push signature does not match');

export function createPushService(opts: {
  db: Db;
  settings: PushSettings | null;
  handle: PushHandler;
  logger: Logger;
  now: () => Date;
}) {
  const { db, settings, handle, logger, now } = opts;
  const running = new Set<Promise<void>>();

  function settingsOrRefuse(): PushSettings {
    // without WECHAT_PUSH_TOKEN nothing can be verified: nobody may push
    if (!settings) throw new AppError('NOT_FOUND', 'The message push is not configured');
    return settings;
  }

  function urlSignatureOk(query: Query, token: string) {
    const expected = pushSignature([token, q(query, 'timestamp'), q(query, 'nonce')]);
    return signatureMatches(expected, query.signature);
  }

  /** The message inside a POST: checked and, in safe mode, decrypted; throws 401 before anything is read. */
  function openMessage(query: Query, body: unknown): Record<string, unknown> {
    const s = settingsOrRefuse();
    const raw = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
    if (q(query, 'encrypt_type') !== 'aes') {
      if (!urlSignatureOk(query, s.token)) throw badSignature();
      return raw;
    }
    const encrypt = typeof raw.Encrypt === 'string' ? raw.Encrypt : '';
    const expected = pushSignature([s.token, q(query, 'timestamp'), q(query, 'nonce'), encrypt]);
    if (!encrypt || !signatureMatches(expected, query.msg_signature)) throw badSignature();
    if (!s.aesKey)
      throw new AppError('VALIDATION_FAILED', 'Safe mode is not configured (WECHAT_PUSH_AES_KEY)');
    let opened: { message: string; appId: string };
    try {
      opened = decryptPush(s.aesKey, encrypt);
    } catch (err) {
      if (err instanceof PushDecryptError) throw badSignature();
      throw err;
    }
    // a valid signature with another app's ciphertext is still not ours
    if (opened.appId !== s.appId) throw new AppError('UNAUTHENTICATED', 'The push is for another app');
    try {
      const parsed: unknown = JSON.parse(opened.message);
      if (parsed && typeof parsed === 'object') return parsed as Record<string, unknown>;
    } catch {
      // fall through
    }
    throw new AppError('VALIDATION_FAILED', 'The pushed message is not JSON');
  }

  async function processOne(key: string, envelope: PushEnvelope) {
    try {
      await handle(envelope);
      await db.query('UPDATE wechat_push_events SET processed_at = $2 WHERE dedup_key = $1', [key, now()]);
    } catch (err) {
      logger.warn({ err, event: envelope.event }, 'pushed event not processed; it stays pending');
      await db
        .query('UPDATE wechat_push_events SET error = $2 WHERE dedup_key = $1', [key, String(err)])
        .catch(() => undefined);
    }
  }

  return {
    enabled: settings !== null,

    /** GET: the echostr back when the signature is WeChat's. */
    verifyUrl(query: Query): string {
      const s = settingsOrRefuse();
      if (!urlSignatureOk(query, s.token)) throw badSignature();
      return q(query, 'echostr');
    },

    /** POST: records the event once; answers whether it is new. Acting on it starts after the answer. */
    async receive(query: Query, body: unknown): Promise<{ isNew: boolean; work: () => void }> {
      const message = openMessage(query, body);
      const envelope = readPushEvent(message);
      if (!envelope) throw new AppError('VALIDATION_FAILED', 'Not a WeChat event');
      const rows = await db.query(
        `INSERT INTO wechat_push_events (dedup_key, event, openid, body, received_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (dedup_key) DO NOTHING RETURNING dedup_key`,
        [envelope.dedupKey, envelope.event, envelope.openid, JSON.stringify(envelope), now()],
      );
      const isNew = rows.length > 0;
      return {
        isNew,
        work: () => {
          if (!isNew) return;
          const p = processOne(envelope.dedupKey, envelope).finally(() => running.delete(p));
          running.add(p);
        },
      };
    },

    /** Resolves when every event received so far has been acted on (tests, shutdown). */
    async idle(): Promise<void> {
      while (running.size) await Promise.all([...running]);
    },
  };
}
export type PushService = ReturnType<typeof createPushService>;
