import Taro from '@tarojs/taro';
import { api } from '../api/endpoints';
import { setSessionLostHandler } from './api-client';
import { isWeapp } from './platform';
import { getSession, saveSession, type AppRole } from './session';
import { ROUTES } from '../routes';

/** WeChat: a fresh wx.login code for /auth/wechat (the BFF exchanges it; session_key stays there). */
export async function loginWithWechat(as: AppRole = 'consumer'): Promise<void> {
  const { code } = await Taro.login();
  saveSession(as, await api.loginWechat(code, as));
}

/** H5 in emulator mode only: the BFF logs `dev:<name>` in as a stable demo user. */
export async function loginAsDemo(name: string): Promise<void> {
  saveSession('consumer', await api.loginWechat(`dev:${name.trim()}`));
}

/**
 * Whether a consumer session exists, logging in silently on WeChat; elsewhere it sends the
 * person to the login page and answers false.
 */
export async function ensureConsumer(): Promise<boolean> {
  if (getSession('consumer')) return true;
  if (isWeapp()) {
    try {
      await loginWithWechat('consumer');
      return true;
    } catch {
      // fall through to the login page, which shows the error
    }
  }
  void Taro.navigateTo({ url: ROUTES.login });
  return false;
}

export function installSessionLostHandler(): void {
  setSessionLostHandler((role) => {
    void Taro.reLaunch({ url: role === 'merchant' ? ROUTES.merchantBind : ROUTES.login });
  });
}
