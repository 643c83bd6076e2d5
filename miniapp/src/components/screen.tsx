import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, type ReactNode } from 'react';
import { settings, useT, type MessageKey } from '../i18n';
import { network } from '../lib/network';
import { isWeapp } from '../lib/platform';
import { useStore } from '../lib/store';
import { NutButton } from './nut';
import { TabBar, type Tab } from './tab-bar';

/**
 * Every page's frame: the title in the chosen language, large-text mode, and the offline banner
 * whose retry re-runs what the page last failed to load.
 */
export function Screen({
  title,
  onRetry,
  children,
  testId,
  tab,
}: {
  title: MessageKey;
  onRetry?: () => void;
  children: ReactNode;
  testId?: string;
  /** a tab page: draws the tab bar with this tab current */
  tab?: Tab;
}) {
  const t = useT();
  const { largeText } = useStore(settings);
  const { offline } = useStore(network);
  useEffect(() => {
    try {
      void Taro.setNavigationBarTitle({ title: t(title) });
    } catch {
      // not every host has a navigation bar
    }
    if (typeof document !== 'undefined') document.title = t(title);
  }, [t.lang, title]);
  // H5: Taro scrolls each page in its own container; a keyboard user can scroll it once it takes focus
  useEffect(() => {
    if (typeof document === 'undefined' || isWeapp()) return;
    const page = document.querySelector(`[data-testid="${testId}"]`)?.closest('.taro_page');
    if (page && !page.hasAttribute('tabindex')) page.setAttribute('tabindex', '0');
  }, [testId]);
  return (
    <View
      className={`wq-screen ${largeText ? 'wq-large' : ''} ${tab ? 'wq-with-tabs' : ''}`}
      data-testid={testId}
      data-lang={t.lang}
    >
      {offline && (
        <View className="wq-offline" role="alert">
          <Text>{t('common.offline')}</Text>
          {onRetry && (
            <NutButton size="small" className="wq-offline-retry" onClick={() => onRetry()}>
              {t('common.retry')}
            </NutButton>
          )}
        </View>
      )}
      {children}
      {tab && <TabBar current={tab} />}
    </View>
  );
}
