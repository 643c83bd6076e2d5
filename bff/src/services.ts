import type { Logger } from 'pino';
import type { AccountStates } from './auth/account-state';
import type { AuthService } from './auth/auth-service';
import type { AccessTokens } from './auth/jwt';
import type { MerchantBindings } from './auth/merchant-bindings';
import type { Config } from './config';
import type { StaffDesk } from './staff/staff-desk';
import type { Store } from './store/store';
import type { BlobStore } from './uploads/blob-store';
import type { UploadTempFiles } from './uploads/upload-temp-files';
import type { UploadService } from './uploads/upload-service';
import type { MediaChecks } from './content/media-checks';
import type { PhoneService } from './wechat/phone-service';
import type { PushService } from './wechat/push-service';
import type { Wechat } from './wechat/wechat-client';

/** Everything the HTTP layer calls, built once at start (main.ts) or by a test. */
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
  uploadTemp: UploadTempFiles;
  wechat: Wechat;
  /** WeChat's message push (`/wechat/push`) */
  wechatPush: PushService;
  mediaChecks: MediaChecks;
  phone: PhoneService;
  version: string;
  /** the clock every service reads (tests move it) */
  now: () => Date;
}
