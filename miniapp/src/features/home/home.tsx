import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import type { Article, ArticleKind, StatsAnswer } from '@weiquan/shared';
import { Chips } from '../../components/chips';
import { api } from '../../api/endpoints';
import { NutBadge, NutButton } from '../../components/nut';
import { Screen } from '../../components/screen';
import { useT } from '../../i18n';
import { fenToYuan } from '../../lib/money';
import { percent as pct } from '../../lib/percent';
import { beijingDay } from '../../lib/time';
import { sessions } from '../../lib/session';
import { useStore } from '../../lib/store';
import { go, ROUTES } from '../../routes';

/** How many feed items the home page shows (newest first). */
const FEED_SIZE = 5;

export function HomePage() {
  const t = useT();
  const { consumer, merchant } = useStore(sessions);
  const [unread, setUnread] = useState(0);
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
    if (consumer)
      void api.inbox('consumer').then(
        (i) => setUnread(i.unreadCount),
        () => undefined,
      );
  };
  useDidShow(refresh);

  const totals = stats?.totals;
  return (
    <Screen title="title.home" onRetry={refresh} testId="page-home">
      <View className="wq-page">
        <View className="wq-hero">
          <Text className="wq-hero-title">{t('app.name')} 12315</Text>
          <Text className="wq-hint">{t('app.tagline')}</Text>
        </View>
        <View className="wq-entries">
          <NutButton id="entry-file" type="primary" size="large" block onClick={() => go(ROUTES.file)}>
            {t('home.file')}
          </NutButton>
          <View className="wq-row wq-entry-pair">
            <NutButton id="entry-report" size="large" block onClick={() => go(ROUTES.report)}>
              {t('home.report')}
            </NutButton>
            <NutButton id="entry-consult" size="large" block onClick={() => go(ROUTES.consult)}>
              {t('home.consult')}
            </NutButton>
          </View>
          <NutButton id="entry-cases" size="large" block onClick={() => go(ROUTES.cases)}>
            {t('home.cases')}
          </NutButton>
          <NutButton
            id="entry-merchant"
            size="large"
            block
            onClick={() => go(merchant ? ROUTES.merchantCases : ROUTES.merchantBind)}
          >
            {t('home.merchant')}
          </NutButton>
        </View>
        <View className="wq-row wq-links">
          <View
            id="entry-inbox"
            className="wq-tile"
            role="link"
            onClick={() => go(ROUTES.inbox)}
            aria-label={`${t('home.inbox')} ${unread ? t('home.unread', { n: unread }) : ''}`}
          >
            {unread > 0 ? (
              <NutBadge value={unread} max={99}>
                <Text className="wq-tile-text">{t('home.inbox')}</Text>
              </NutBadge>
            ) : (
              <Text className="wq-tile-text">{t('home.inbox')}</Text>
            )}
            {unread > 0 && (
              <Text className="wq-unread" data-testid="unread">
                {t('home.unread', { n: unread })}
              </Text>
            )}
          </View>
          <View id="entry-me" className="wq-tile" role="link" onClick={() => go(ROUTES.me)}>
            <Text className="wq-tile-text">{t('home.me')}</Text>
          </View>
        </View>
        {!consumer && <Text className="wq-hint wq-center">{t('home.login')}</Text>}
        {totals && (
          <View className="wq-card" data-testid="stats">
            <Text className="wq-card-title">{t('home.stats')}</Text>
            <View className="wq-figures">
              <Figure label={t('home.stats.received')} value={String(totals.received.complaint)} />
              <Figure label={t('home.stats.onTime')} value={pct(totals.acceptanceOnTimeRate)} />
              <Figure label={t('home.stats.completion')} value={pct(totals.completionRate)} />
              <Figure
                label={t('home.stats.satisfaction')}
                value={
                  totals.satisfaction.average === null
                    ? '—'
                    : `${totals.satisfaction.average.toFixed(2)} · ${pct(totals.satisfaction.share4or5)}`
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
                { value: '', label: t('status.all') },
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
                <Text className={`wq-feed-kind wq-feed-${a.kind}`}>{t(`article.${a.kind}`)}</Text>
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
