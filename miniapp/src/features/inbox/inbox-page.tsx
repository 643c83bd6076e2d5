import { Text, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { NotificationItem } from '@weiquan/shared';
import { api } from '../../api/endpoints';
import { ErrorText } from '../../components/field';
import { NutBadge, NutButton } from '../../components/nut';
import { Screen } from '../../components/screen';
import { messageOf } from '../../hooks/use-remote';
import { useT } from '../../i18n';
import { noticeTitle } from '../../i18n/notice-titles';
import { beijingDateTime } from '../../lib/time';
import { actingRole, getSession, type AppRole } from '../../lib/session';
import { setUnread as setBadge } from '../../lib/unread';
import { go, ROUTES } from '../../routes';
import { ensureConsumer } from '../../lib/login';

export function InboxPage() {
  const t = useT();
  // a shop owner holds both sessions: the merchant's notices show while acting as merchant (or
  // when the merchant pages link here with ?as=merchant), the consumer's otherwise
  const { params } = useRouter();
  const role: AppRole = params.as === 'merchant' && getSession('merchant') ? 'merchant' : actingRole();
  const [items, setItems] = useState<NotificationItem[]>([]);
  const [unread, setUnread] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    if (role === 'consumer' && !(await ensureConsumer())) return;
    try {
      const inbox = await api.inbox(role);
      setItems(inbox.items);
      setUnread(inbox.unreadCount);
      setBadge(role, inbox.unreadCount);
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  useDidShow(() => void load());

  const markRead = async (ids: string[] | 'all') => {
    if (ids !== 'all' && !ids.length) return;
    try {
      const answer = await api.markRead(ids === 'all' ? { all: true } : { ids }, role);
      setItems((prev) => prev.map((n) => (ids === 'all' || ids.includes(n.id) ? { ...n, read: true } : n)));
      setUnread(answer.unreadCount);
      setBadge(role, answer.unreadCount);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const open = (n: NotificationItem) => {
    if (!n.read) void markRead([n.id]);
    if (n.caseId) go(role === 'merchant' ? ROUTES.merchantCase : ROUTES.case, { id: n.caseId });
  };

  return (
    <Screen title="title.inbox" onRetry={load} testId="page-inbox" tab="inbox">
      <View className="wq-page">
        <View className="wq-row">
          <NutBadge value={unread} max={99}>
            <Text className="wq-card-title">{t('title.inbox')}</Text>
          </NutBadge>
          {unread > 0 && (
            <NutButton id="mark-all" onClick={() => markRead('all')}>
              {t('inbox.markAll')}
            </NutButton>
          )}
        </View>
        <ErrorText message={error} />
        {items.length === 0 && !error && <Text className="wq-muted wq-center">{t('inbox.empty')}</Text>}
        {items.map((n) => (
          <View
            key={n.id}
            className={`wq-card wq-notice-item ${n.read ? '' : 'wq-unread-item'}`}
            data-notification-id={n.id}
            data-audience={n.audience}
            role="link"
            onClick={() => open(n)}
          >
            <Text className="wq-strong">{noticeTitle(t.lang, n.title)}</Text>
            <Text className="wq-muted">{n.caseNo}</Text>
            <Text className="wq-body">{n.body}</Text>
            <Text className="wq-muted">{beijingDateTime(n.createdAt)}</Text>
          </View>
        ))}
      </View>
    </Screen>
  );
}
