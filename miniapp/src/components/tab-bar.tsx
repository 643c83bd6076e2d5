import { Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import { useT, type MessageKey } from '../i18n';
import { actAs, acting, actingRole, sessions } from '../lib/session';
import { useStore } from '../lib/store';
import { refreshUnread, unread } from '../lib/unread';
import { ROUTES } from '../routes';

export type Tab = 'home' | 'cases' | 'inbox' | 'me' | 'merchantHome';

interface TabDef {
  tab: Tab;
  label: MessageKey;
  icon: string;
  url: string;
  /** switching out of the merchant pages puts the consumer hat back on */
  as?: 'consumer';
}

const CONSUMER_TABS: TabDef[] = [
  { tab: 'home', label: 'tab.home', icon: '⌂', url: ROUTES.home },
  { tab: 'cases', label: 'tab.cases', icon: '☰', url: ROUTES.cases },
  { tab: 'inbox', label: 'tab.inbox', icon: '✉', url: ROUTES.inbox },
  { tab: 'me', label: 'tab.me', icon: '☺', url: ROUTES.me },
];
/** A notice that arrives while a page stays open (a merchant watching its list) still reaches the badge. */
const UNREAD_POLL_MS = 10_000;

const MERCHANT_TABS: TabDef[] = [
  { tab: 'merchantHome', label: 'tab.merchantHome', icon: '⌂', url: ROUTES.merchantCases },
  { tab: 'inbox', label: 'tab.inbox', icon: '✉', url: `${ROUTES.inbox}?as=merchant` },
  { tab: 'home', label: 'tab.asConsumer', icon: '⇄', url: ROUTES.home, as: 'consumer' },
];

/**
 * The bottom tab bar (首页, 我的办件, 消息, 我的; a merchant's own three while acting as merchant).
 * Drawn by the pages rather than declared in app.json: WeChat's native tab pages must sit in the
 * main package, and these live in subpackages to keep the first download small.
 */
export function TabBar({ current }: { current: Tab }) {
  const t = useT();
  useStore(sessions);
  useStore(acting);
  const counts = useStore(unread);
  const role = actingRole();
  const shown = useRef(true);
  useDidShow(() => {
    shown.current = true;
    void refreshUnread(role);
  });
  useDidHide(() => {
    shown.current = false;
  });
  // entering the merchant pages switches the role after the first render: count the new role's notices,
  // and again every few seconds while this page is the one shown
  useEffect(() => {
    void refreshUnread(role);
    const timer = setInterval(() => shown.current && void refreshUnread(role), UNREAD_POLL_MS);
    return () => clearInterval(timer);
  }, [role]);
  const tabs = role === 'merchant' ? MERCHANT_TABS : CONSUMER_TABS;
  const go = (d: TabDef) => {
    if (d.as) actAs(d.as);
    if (d.tab === current && !d.as) return;
    void Taro.reLaunch({ url: d.url });
  };
  return (
    <View className="wq-tabbar" role="navigation" aria-label={t('tab.label')}>
      {tabs.map((d) => {
        const badge = d.tab === 'inbox' ? counts[role] : 0;
        const label = t(d.label);
        return (
          <View
            key={d.label}
            id={`tab-${d.tab}${d.as ? '-switch' : ''}`}
            className={`wq-tab ${d.tab === current && !d.as ? 'wq-tab-on' : ''}`}
            role="link"
            aria-current={d.tab === current && !d.as ? 'page' : undefined}
            aria-label={badge ? `${label} ${t('home.unread', { n: badge })}` : label}
            onClick={() => go(d)}
          >
            <Text className="wq-tab-icon" aria-hidden="true">
              {d.icon}
            </Text>
            <Text className="wq-tab-label">{label}</Text>
            {badge > 0 && (
              <Text className="wq-tab-badge" data-testid={`badge-${d.tab}`}>
                {badge > 99 ? '99+' : String(badge)}
              </Text>
            )}
          </View>
        );
      })}
    </View>
  );
}
