/**
 * Content security, wired once: the text guard (msg_sec_check), the image checks (media_check_async
 * over signed links, verdicts by push) and staff moderation. The case domain gets `caseContent`.
 */
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Db } from '../store/db';
import type { Wechat } from '../wechat/wechat-client';
import { createCallBudget } from './call-budget';
import { createContentGuard } from './content-guard';
import { createMediaChecks } from './media-checks';
import { createMediaLinks } from './media-links';
import { createMediaSharing } from './media-sharing';
import { createModeration } from './moderation';

export function createContentSecurity(deps: {
  db: Db;
  wechat: Wechat;
  config: Pick<Config, 'PUBLIC_BASE_URL' | 'WECHAT_TEXT_CHECKS_PER_MINUTE'>;
  /** the links' HMAC key is derived from it */
  secret: Buffer;
  logger: Logger;
  now: () => Date;
}) {
  const { db, wechat, config, logger, now } = deps;
  const mediaChecks = createMediaChecks(db, now);
  const mediaLinks = createMediaLinks(deps.secret, now);
  const guard = createContentGuard({
    db,
    wechat,
    budget: createCallBudget(db, now),
    perMinute: config.WECHAT_TEXT_CHECKS_PER_MINUTE,
    logger: logger.child({ component: 'content-guard' }),
    now,
  });
  const mediaSharing = createMediaSharing({
    db,
    wechat,
    checks: mediaChecks,
    links: mediaLinks,
    // read at use, so that a test can name its listener once it has one
    publicBaseUrl: () => config.PUBLIC_BASE_URL,
    logger: logger.child({ component: 'media-checks' }),
  });
  return {
    mediaChecks,
    mediaLinks,
    mediaSharing,
    moderation: createModeration(db, now),
    caseContent: { guard, media: mediaSharing },
  };
}
export type ContentSecurity = ReturnType<typeof createContentSecurity>;
