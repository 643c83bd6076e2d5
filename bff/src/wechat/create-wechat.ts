import { createWechatClient, type AccessTokenCache, type Wechat } from './wechat-client';
import { createWechatEmulator } from './wechat-emulator';

/** The WECHAT_* settings this needs, by their env names (the BFF's parsed config fits as is). */
export interface WechatSettings {
  WECHAT_APPID?: string;
  WECHAT_SECRET?: string;
  WECHAT_API_BASE: string;
  WECHAT_TIMEOUT_MS?: number;
  WECHAT_CHECK_TIMEOUT_MS?: number;
}

/**
 * Real WeChat when both WECHAT_APPID and WECHAT_SECRET are set, the emulator when neither is.
 * Exactly one of them set is a configuration mistake: fail at start rather than at the first login.
 */
export function createWechat(
  settings: WechatSettings,
  tokenCache: AccessTokenCache,
  now?: () => Date,
): Wechat {
  const { WECHAT_APPID: appId, WECHAT_SECRET: secret } = settings;
  if (!appId && !secret) return createWechatEmulator();
  if (!appId || !secret)
    throw new Error('WECHAT_APPID and WECHAT_SECRET must be set together (or neither, for the emulator)');
  return createWechatClient({
    appId,
    secret,
    apiBase: settings.WECHAT_API_BASE,
    timeoutMs: settings.WECHAT_TIMEOUT_MS,
    checkTimeoutMs: settings.WECHAT_CHECK_TIMEOUT_MS,
    tokenCache,
    now,
  });
}
