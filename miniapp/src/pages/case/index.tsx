import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import { ROUTES } from '../../routes';

/**
 * The old address of the case page, kept in the main package because WeChat subscribe messages
 * (shared/notification-rules.ts) open `pages/case/index?id=...`: it forwards to the page, which now
 * lives in the `consumer` subpackage, with every parameter.
 */
export default function Page() {
  const { params } = useRouter();
  useEffect(() => {
    const qs = Object.entries(params)
      .filter(([k, v]) => k !== '$taroTimestamp' && v !== undefined)
      .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
      .join('&');
    void Taro.redirectTo({ url: `${ROUTES.case}${qs ? `?${qs}` : ''}` });
  }, []);
  return null;
}
