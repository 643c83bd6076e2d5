/**
 * Images a merchant will see (attachments of a complaint against a directory merchant) go to
 * WeChat's media_check_async with a signed link, after the filing or supplement is stored: the
 * verdict comes by push (media-checks.ts). Without PUBLIC_BASE_URL WeChat cannot fetch anything,
 * so such images are listed for staff at once.
 */
import type { Logger } from 'pino';
import type { Db } from '../store/db';
import type { Wechat } from '../wechat/wechat-client';
import type { MediaChecks } from './media-checks';
import type { MediaLinks } from './media-links';

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const SCENE_COMMENT = 2;

export function createMediaSharing(deps: {
  db: Db;
  wechat: Wechat;
  checks: MediaChecks;
  links: MediaLinks;
  /** read at use: PUBLIC_BASE_URL */
  publicBaseUrl: () => string | undefined;
  logger: Logger;
}) {
  const { db, wechat, checks, links, logger } = deps;
  const running = new Set<Promise<void>>();

  async function checkCase(authorId: string, caseId: string) {
    const images = await db.query<{ id: string; openid: string }>(
      `SELECT u.id, us.openid FROM uploads u
         JOIN cases c ON c.id = u.case_id
         JOIN users us ON us.id = u.owner_id
        WHERE u.case_id = $1 AND u.owner_id = $2 AND c.kind = 'complaint' AND c.merchant_id IS NOT NULL
          AND u.mime = ANY($3::text[])
          AND NOT EXISTS (SELECT 1 FROM media_checks m WHERE m.upload_id = u.id AND m.case_id = c.id)`,
      [caseId, authorId, IMAGE_TYPES],
    );
    const base = deps.publicBaseUrl()?.replace(/\/+$/, '');
    for (const image of images) {
      if (!base && wechat.mode === 'wechat') {
        await checks.requested(image.id, caseId, { traceId: null });
        continue;
      }
      const start = await wechat.startMediaCheck({
        openid: image.openid,
        mediaUrl: `${base ?? ''}/media/${links.token(image.id)}`,
        scene: SCENE_COMMENT,
      });
      if (!start.ok) logger.warn({ reason: start.reason }, 'image not sent to WeChat; listed for staff');
      await checks.requested(
        image.id,
        caseId,
        start.ok ? { traceId: start.traceId, verdict: start.verdict } : { traceId: null },
      );
    }
  }

  return {
    /** Starts the checks of a case's new images without holding up the answer. */
    shared(authorId: string, caseId: string): void {
      const p = checkCase(authorId, caseId)
        .catch((err: unknown) => logger.error({ err, caseId }, 'image checks could not be started'))
        .finally(() => running.delete(p));
      running.add(p);
    },
    async idle(): Promise<void> {
      while (running.size) await Promise.all([...running]);
    },
  };
}
export type MediaSharing = ReturnType<typeof createMediaSharing>;
