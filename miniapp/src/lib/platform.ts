import Taro from '@tarojs/taro';

/** True inside WeChat (login, subscribe messages and privacy APIs exist only there). */
export function isWeapp(): boolean {
  return Taro.getEnv() === Taro.ENV_TYPE.WEAPP;
}

/**
 * The API base is fixed at build time (`TARO_APP_API_BASE`). The H5 build is served by the BFF
 * itself, so same-origin `/api/v1` is the default there; WeChat needs an absolute https URL.
 */
export function apiBase(): string {
  const configured = process.env.TARO_APP_API_BASE;
  if (configured) return configured.replace(/\/+$/, '');
  return isWeapp() ? 'http://localhost:3000/api/v1' : '/api/v1';
}
