import type { WorkingCalendar } from '@weiquan/shared';
import type { PiiCipher } from '../security/pii-cipher';
import { createStaffAccountStore } from '../staff/staff-account-store';
import { createArticleStore } from './article-store';
import { createCases } from '../cases';
import type { CaseContent } from '../cases/case-context';
import type { Db } from './db';
import { createFaqStore } from './faq-store';
import { createHotspotStore } from './hotspot-store';
import { createMerchantBindingStore } from './merchant-binding-store';
import { createMerchantStore } from './merchant-store';
import { createStatsStore } from './stats-store';
import { createTokenStore } from './token-store';
import { createUploadStore } from './upload-store';
import { createUserStore } from './user-store';

/** The central store: one PostgreSQL (server or embedded), one module per aggregate. */
export function createStore(
  db: Db,
  deps: {
    cipher: PiiCipher;
    now: () => Date;
    caseNoPrefix: string;
    content?: CaseContent;
    calendar: () => WorkingCalendar;
  },
) {
  return {
    db,
    users: createUserStore(db, deps.cipher),
    staffAccounts: createStaffAccountStore(db),
    merchants: createMerchantStore(db),
    bindings: createMerchantBindingStore(db, deps.now),
    tokens: createTokenStore(db, deps.now),
    uploads: createUploadStore(db),
    cases: createCases({ db, ...deps }),
    /** The case use cases on another clock: the demo seed files cases "received days ago". */
    casesAsOf: (now: () => Date) => createCases({ db, ...deps, now }),
    faq: createFaqStore(db),
    stats: createStatsStore(db, deps.now),
    articles: createArticleStore(db, deps.now),
    hotspots: createHotspotStore(db, deps.now),
  };
}
export type Store = ReturnType<typeof createStore>;
