import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { api } from '../../api/endpoints';
import { NutTag } from '../../components/nut';
import { RemoteStatus } from '../../components/remote-status';
import { Screen } from '../../components/screen';
import { useRemote } from '../../hooks/use-remote';
import { categoryLabel, useT } from '../../i18n';
import { beijingDay } from '../../lib/time';

/** One consumer warning or typical case (GET /articles/{id}). */
export function ArticlePage() {
  const t = useT();
  const { params } = useRouter();
  const id = params.id ?? '';
  const remote = useRemote(() => api.article(id), [id], !!id);
  const a = remote.data;
  return (
    <Screen title="title.article" onRetry={remote.reload} testId="page-article">
      <View className="wq-page">
        <RemoteStatus remote={remote} />
        {a && (
          <View className="wq-card wq-article" data-article-id={a.id}>
            <View className="wq-row">
              <NutTag type={a.kind === 'warning' ? 'warning' : 'primary'}>{t(`article.${a.kind}`)}</NutTag>
              {a.category && <Text className="wq-muted">{categoryLabel(t.lang, a.category)}</Text>}
            </View>
            <Text className="wq-article-title">{a.title}</Text>
            <Text className="wq-muted">{t('article.published', { date: beijingDay(a.publishedAt) })}</Text>
            {a.body.split(/\n+/).map((para, i) => (
              <Text key={i} className="wq-body wq-para">
                {para}
              </Text>
            ))}
          </View>
        )}
      </View>
    </Screen>
  );
}
