import type { Logger } from 'pino';
import type { TemplateSlot } from '@weiquan/shared';
import type { AccountStates } from './auth/account-state';
import type { CalendarBook } from './calendar/calendar-book';
import type { CalendarService } from './calendar/calendar-service';
import type { AuthService } from './auth/auth-service';
import type { AccessTokens } from './auth/jwt';
import type { MerchantBindings } from './auth/merchant-bindings';
import type { Config } from './config';
import type { Lifecycle } from './lifecycle';
import type { CounterStore } from './limits/counter-store';
import type { GrantStore } from './notify/grant-store';
import type { InboxStore } from './notify/inbox-store';
import type { StaffDesk } from './staff/staff-desk';
import type { Store } from './store/store';
import type { BlobStore } from './uploads/blob-store';
import type { BlobSweep } from './uploads/blob-sweep';
import type { UploadTempFiles } from './uploads/upload-temp-files';
import type { UploadService } from './uploads/upload-service';
import type { MediaChecks } from './content/media-checks';
import type { MediaLinks } from './content/media-links';
import type { MediaSharing } from './content/media-sharing';
import type { Moderation } from './content/moderation';
import type { PhoneService } from './wechat/phone-service';
import type { PushService } from './wechat/push-service';
import type { Wechat } from './wechat/wechat-client';

/** Everything the HTTP layer calls, built once by buildServices (bootstrap.ts): at start, in the worker or by a test. */
export interface Services {
  config: Config;
  logger: Logger;
  store: Store;
  auth: AuthService;
  access: AccessTokens;
  /** staff accounts as they stand now, cached briefly (every staff request checks) */
  accountStates: AccountStates;
  /** staff accounts, templates, merchants admin, FAQ edits, exports, audit */
  staff: StaffDesk;
  /** merchant bindings: the check behind every merchant token, binding codes */
  bindings: MerchantBindings;
  uploads: UploadService;
  blobs: BlobStore;
  /** removes blob bytes no upload points at (run by the background work) */
  blobSweep: BlobSweep;
  uploadTemp: UploadTempFiles;
  wechat: Wechat;
  /** WeChat's message push (`/wechat/push`) */
  wechatPush: PushService;
  mediaChecks: MediaChecks;
  mediaLinks: MediaLinks;
  mediaSharing: MediaSharing;
  moderation: Moderation;
  phone: PhoneService;
  /** the in-app inbox and the subscribe-message grants, built once here like every store */
  inbox: InboxStore;
  grants: GrantStore;
  /** the configured subscribe-message template ids by slot */
  templates: Partial<Record<TemplateSlot, string>>;
  version: string;
  /** the working-day calendar every deadline is computed with (store data, reloaded on a change) */
  calendarBook: CalendarBook;
  /** GET /calendar, PUT /staff/calendar/:year */
  calendar: CalendarService;
  /** the clock every service reads (tests move it) */
  now: () => Date;
  /** draining from SIGTERM on: /readyz answers 503 */
  lifecycle: Lifecycle;
  /** rate-limit counters shared by every BFF of the site */
  counters: CounterStore;
  /** releases what buildServices opened (database pool, blob store, limiter connections) */
  close(): Promise<void>;
}
