import { Text, View } from '@tarojs/components';
import type { CaseView, DeadlineView, Merchant, TimelineEntry } from '@weiquan/shared';
import type { ReactNode } from 'react';
import type { Remote } from '../hooks/use-remote';
import { useT, type MessageKey } from '../i18n';
import { fenToYuan } from '../lib/money';
import { beijingDateTime, beijingDay } from '../lib/time';
import { NutTag } from './nut';
import { RemoteStatus } from './remote-status';

const ENDED = new Set(['settled', 'closed', 'refused', 'withdrawn', 'case_opened', 'not_opened', 'answered']);

export function StatusTag({ status }: { status: string }) {
  const t = useT();
  const type = status === 'awaiting_consumer' ? 'warning' : ENDED.has(status) ? 'default' : 'primary';
  return (
    <NutTag type={type} className="wq-status" data-status={status}>
      {t(`status.${status}` as MessageKey)}
    </NutTag>
  );
}

export function MerchantBadges({ badges }: { badges: Merchant['badges'] }) {
  const t = useT();
  return (
    <View className="wq-badges">
      {badges.odr && (
        <NutTag type="success" plain>
          {t('badge.odr')}
        </NutTag>
      )}
      {badges.noReasonReturn && (
        <NutTag type="primary" plain>
          {t('badge.noReasonReturn')}
        </NutTag>
      )}
      {badges.rightsStation && (
        <NutTag type="warning" plain>
          {t('badge.rightsStation')}
        </NutTag>
      )}
    </View>
  );
}

export { beijingDay };

export function daysLeftText(
  t: ReturnType<typeof useT>,
  d: Pick<DeadlineView, 'workingDaysLeft' | 'paused'>,
): string {
  if (d.paused) return t('deadline.paused');
  if (d.workingDaysLeft > 0) return t('deadline.left', { n: d.workingDaysLeft });
  if (d.workingDaysLeft === 0) return t('deadline.today');
  return t('deadline.overdue', { n: -d.workingDaysLeft });
}

export function DeadlineList({ deadlines }: { deadlines: DeadlineView[] }) {
  const t = useT();
  if (!deadlines.length) return null;
  return (
    <View className="wq-card" aria-label={t('case.deadlines')}>
      <Text className="wq-card-title">{t('case.deadlines')}</Text>
      {deadlines.map((d) => (
        <View
          key={`${d.kind}-${d.dueAt}`}
          className={`wq-deadline ${d.workingDaysLeft < 0 ? 'wq-overdue' : ''}`}
          data-kind={d.kind}
        >
          <Text>{t(`deadline.${d.kind}` as MessageKey)}</Text>
          <Text className="wq-muted"> {t('deadline.due', { date: beijingDay(d.dueAt) })} </Text>
          <Text className="wq-days-left">{daysLeftText(t, d)}</Text>
        </View>
      ))}
    </View>
  );
}

function entryDetail(t: ReturnType<typeof useT>, e: TimelineEntry): string {
  const parts: string[] = [];
  if (e.text) parts.push(e.text);
  if (e.reason) parts.push(e.reason);
  if (e.refundFen !== undefined) parts.push(t('case.refund', { amount: fenToYuan(e.refundFen) }));
  if (e.score !== undefined) parts.push('★'.repeat(e.score));
  if (e.comment) parts.push(e.comment);
  return parts.join(' · ');
}

export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const t = useT();
  return (
    <View className="wq-card">
      <Text className="wq-card-title">{t('case.timeline')}</Text>
      {entries.map((e, i) => (
        <View key={i} className="wq-timeline-entry" data-type={e.type}>
          <Text className="wq-muted">
            {beijingDateTime(e.at)} · {t(`actor.${e.actorRole}` as MessageKey)}
          </Text>
          <Text className="wq-timeline-title">{t(`timeline.${e.type}` as MessageKey)}</Text>
          {entryDetail(t, e) && <Text className="wq-timeline-text">{entryDetail(t, e)}</Text>}
        </View>
      ))}
    </View>
  );
}

const CASE_NO: Record<CaseView['kind'], MessageKey> = {
  complaint: 'case.no',
  report: 'case.noReport',
  consultation: 'case.noConsultation',
};

export function KindTag({ kind }: { kind: CaseView['kind'] }) {
  const t = useT();
  return (
    <NutTag type="default" plain className="wq-kind" data-kind={kind}>
      {t(`kind.${kind}` as MessageKey)}
    </NutTag>
  );
}

/** The latest staff answer of a consultation (the timeline holds every answer and follow-up). */
export function latestAnswer(c: Pick<CaseView, 'timeline'>): TimelineEntry | undefined {
  return [...c.timeline].reverse().find((e) => e.type === 'answer');
}

export function CaseSummary({ c }: { c: CaseView }) {
  const t = useT();
  const answer = c.kind === 'consultation' ? latestAnswer(c) : undefined;
  return (
    <View className="wq-card" data-kind={c.kind}>
      <View className="wq-row">
        <Text className="wq-case-no">{t(CASE_NO[c.kind], { caseNo: c.caseNo })}</Text>
        <StatusTag status={c.status} />
      </View>
      {c.merchant && <Text className="wq-strong">{c.merchant.name}</Text>}
      {c.question && (
        <View>
          <Text className="wq-label">{t('case.question')}</Text>
          <Text className="wq-body">{c.question}</Text>
        </View>
      )}
      {answer?.text && (
        <View className="wq-answer" data-testid="answer">
          <Text className="wq-label">{t('case.answer')}</Text>
          <Text className="wq-body">{answer.text}</Text>
        </View>
      )}
      {c.facts && (
        <View>
          <Text className="wq-label">{t(c.kind === 'report' ? 'case.reportFacts' : 'case.facts')}</Text>
          <Text className="wq-body">{c.facts}</Text>
        </View>
      )}
      {c.kind === 'report' && (
        <View data-testid="reporter">
          <Text className="wq-body">
            {c.reporter ? t('case.reporter', { name: c.reporter.name }) : t('case.reporterAnonymous')}
          </Text>
          <Text className="wq-hint">{t('report.identityNote')}</Text>
        </View>
      )}
      {c.demand && (
        <Text className="wq-body">
          {t('case.demand')}: {t(`demand.${c.demand.type}` as MessageKey)}
          {c.demand.amountFen !== undefined
            ? ` ${t('common.yuan', { amount: fenToYuan(c.demand.amountFen) })}`
            : ''}
        </Text>
      )}
      {c.attachments.length > 0 && (
        <Text className="wq-muted">{t('case.attachments', { n: c.attachments.length })}</Text>
      )}
    </View>
  );
}

/** A case page (the consumer's and the merchant's): summary and deadlines, the page's own cards, the timeline. */
export function CaseBody({
  remote,
  children,
}: {
  remote: Remote<CaseView>;
  children: (c: CaseView) => ReactNode;
}) {
  const c = remote.data;
  return (
    <View className="wq-page">
      <RemoteStatus remote={remote} />
      {c && (
        <>
          <CaseSummary c={c} />
          <DeadlineList deadlines={c.deadlines} />
          {children(c)}
          <Timeline entries={c.timeline} />
        </>
      )}
    </View>
  );
}
