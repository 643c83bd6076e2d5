import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import type { Article, ArticleKind, StatsAnswer } from '@weiquan/shared';
import { Chips } from '../../components/chips';
import { api } from '../../api/endpoints';
import { Screen } from '../../components/screen';
import { useT, type MessageKey } from '../../i18n';
import { fenToYuan } from '../../lib/money';
import { percent as pct } from '../../lib/percent';
import { beijingDay } from '../../lib/time';
import { sessions } from '../../lib/session';
import { useStore } from '../../lib/store';
import { refreshUnread, unread } from '../../lib/unread';
import { go, ROUTES } from '../../routes';

const ARTICLE_KIND: Record<ArticleKind, MessageKey> = {
  warning: 'article.warning',
  typical_case: 'article.typical_case',
};

/** How many feed items the home page shows (newest first). */
const FEED_SIZE = 5;

export function HomePage() {
  const t = useT();
  const { consumer, merchant } = useStore(sessions);
  const counts = useStore(unread);
  const [stats, setStats] = useState<StatsAnswer | null>(null);
  const [feedKind, setFeedKind] = useState<ArticleKind | ''>('');
  const [feed, setFeed] = useState<Article[] | null>(null);

  const loadFeed = (kind: ArticleKind | '') =>
    void api.articles(kind || undefined).then(
      (page) => setFeed(page.items.slice(0, FEED_SIZE)),
      () => setFeed(null),
    );
  const refresh = () => {
    // the figures and the feed show only when the API offers them (an error just hides the card)
    void api.stats().then(setStats, () => setStats(null));
    loadFeed(feedKind);
    void refreshUnread('consumer');
    void refreshUnread('merchant');
  };
  useDidShow(refresh);

  const totals = stats?.totals;
  const entries: Array<{ id: string; icon: string; label: MessageKey; tone: string; open: () => void }> = [
    { id: 'entry-file', icon: '诉', label: 'home.file', tone: 'red', open: () => go(ROUTES.file) },
    { id: 'entry-report', icon: '举', label: 'home.report', tone: 'orange', open: () => go(ROUTES.report) },
    { id: 'entry-consult', icon: '询', label: 'home.consult', tone: 'blue', open: () => go(ROUTES.consult) },
    { id: 'entry-cases', icon: '件', label: 'home.cases', tone: 'green', open: () => go(ROUTES.cases) },
    { id: 'entry-claim', icon: '查', label: 'home.claim', tone: 'blue', open: () => go(ROUTES.claim) },
    {
      id: 'entry-merchant',
      icon: '商',
      label: 'home.merchant',
      tone: 'purple',
      open: () => go(merchant ? ROUTES.merchantCases : ROUTES.merchantBind),
    },
  ];
  return (
    <Screen title="title.home" onRetry={refresh} testId="page-home" tab="home">
      <View className="wq-page">
        <View className="wq-hero">
          <Text className="wq-hero-title">{t('app.name')} 12315</Text>
          <Text className="wq-hero-tagline">{t('app.tagline')}</Text>
        </View>
        <View className="wq-grid">
          {entries.map((e) => {
            const badge = e.id === 'entry-merchant' ? counts.merchant : 0;
            return (
              <View key={e.id} id={e.id} className="wq-grid-item" role="link" onClick={e.open}>
                <Text className={`wq-grid-icon wq-tone-${e.tone}`} aria-hidden="true">
                  {e.icon}
                </Text>
                <Text className="wq-grid-label">{t(e.label)}</Text>
                {badge > 0 && (
                  <Text className="wq-grid-badge" data-testid="merchant-badge">
                    {badge > 99 ? '99+' : String(badge)}
                    <Text className="wq-sr-only"> {t('home.unreadSuffix')}</Text>
                  </Text>
                )}
              </View>
            );
          })}
        </View>
        {consumer && counts.consumer > 0 && (
          <View
            id="entry-inbox"
            className="wq-card wq-notice-banner"
            role="link"
            onClick={() => go(ROUTES.inbox)}
          >
            <Text className="wq-strong" data-testid="unread">
              {t('home.unread', { n: counts.consumer })}
            </Text>
          </View>
        )}
        {!consumer && <Text className="wq-hint wq-center">{t('home.login')}</Text>}
        {totals && (
          <View className="wq-card wq-figures-card" data-testid="stats">
            <Text className="wq-label">{t('home.stats')}</Text>
            <View className="wq-figures">
              <Figure label={t('home.stats.received')} value={String(totals.received.complaint)} />
              <Figure label={t('home.stats.onTime')} value={pct(totals.acceptanceOnTimeRate)} />
              <Figure label={t('home.stats.completion')} value={pct(totals.completionRate)} />
              <Figure
                label={t('home.stats.satisfaction')}
                value={
                  totals.satisfaction.average === null || totals.satisfaction.count === 0
                    ? t('home.stats.noRatings')
                    : t('home.stats.score', { score: totals.satisfaction.average.toFixed(2) })
                }
              />
              <Figure
                label={t('home.stats.recovered')}
                value={t('common.yuan', { amount: fenToYuan(totals.recoveredFen) })}
              />
            </View>
          </View>
        )}
        {feed && (
          <View className="wq-card" data-testid="feed">
            <Text className="wq-card-title">{t('home.feed')}</Text>
            <Chips<ArticleKind | ''>
              name={t('home.feed')}
              value={feedKind}
              onChange={(k) => {
                setFeedKind(k);
                loadFeed(k);
              }}
              options={[
                { value: '', label: t('home.feedAll') },
                { value: 'warning', label: t('article.warning') },
                { value: 'typical_case', label: t('article.typical_case') },
              ]}
            />
            {feed.length === 0 && <Text className="wq-muted">{t('common.empty')}</Text>}
            {feed.map((a) => (
              <View
                key={a.id}
                className="wq-feed-item"
                role="link"
                data-article-id={a.id}
                onClick={() => go(ROUTES.article, { id: a.id })}
              >
                <Text className={`wq-feed-kind wq-feed-${a.kind}`}>{t(ARTICLE_KIND[a.kind])}</Text>
                <Text className="wq-feed-title">{a.title}</Text>
                <Text className="wq-muted">{beijingDay(a.publishedAt)}</Text>
              </View>
            ))}
          </View>
        )}
      </View>
    </Screen>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <View className="wq-figure">
      <Text className="wq-figure-value">{value}</Text>
      <Text className="wq-muted">{label}</Text>
    </View>
  );
}
