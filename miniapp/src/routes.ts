import Taro from '@tarojs/taro'

/** Page paths; the merchant pages live in their own subpackage (loaded only by merchants). */
export const ROUTES = {
  home: '/pages/home/index',
  login: '/pages/login/index',
  file: '/pages/file/index',
  cases: '/pages/cases/index',
  case: '/pages/case/index',
  inbox: '/pages/inbox/index',
  me: '/pages/me/index',
  merchantBind: '/merchant/bind/index',
  merchantCases: '/merchant/cases/index',
  merchantCase: '/merchant/case/index',
} as const

export function go(path: string, params?: Record<string, string>): void {
  const qs = params ? `?${Object.entries(params).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}` : ''
  void Taro.navigateTo({ url: `${path}${qs}` })
}
