import Taro from '@tarojs/taro';

/** Page paths: home and login in the main package, the consumer and merchant pages in subpackages. */
export const ROUTES = {
  home: '/pages/home/index',
  login: '/pages/login/index',
  file: '/consumer/file/index',
  report: '/consumer/report/index',
  consult: '/consumer/consult/index',
  cases: '/consumer/cases/index',
  case: '/consumer/case/index',
  filed: '/consumer/filed/index',
  inbox: '/consumer/inbox/index',
  me: '/consumer/me/index',
  article: '/consumer/article/index',
  privacy: '/consumer/privacy/index',
  claim: '/consumer/claim/index',
  merchantBind: '/merchant/bind/index',
  merchantCases: '/merchant/cases/index',
  merchantCase: '/merchant/case/index',
} as const;

export function go(path: string, params?: Record<string, string>): void {
  const qs = params
    ? `?${Object.entries(params)
        .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
        .join('&')}`
    : '';
  void Taro.navigateTo({ url: `${path}${qs}` });
}
