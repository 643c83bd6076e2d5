import { Text, View } from '@tarojs/components';
import {
  ENDED_STATUSES,
  type CaseStatus,
  type CaseView,
  type DeadlineView,
  type Merchant,
  type TimelineEntry,
} from '@weiquan/shared';
import type { ReactNode } from 'react';
import type { Remote } from '../hooks/use-remote';
import { useT, type MessageKey } from '../i18n';
import { actorKey, nextStepKey, statusKey, timelineKey, type Reader } from '../lib/case-copy';
import { fenToYuan } from '../lib/money';
import { beijingDateTime, beijingDay } from '../lib/time';
import { EvidenceList } from './evidence-viewer';
import { NutTag } from './nut';
import { RemoteStatus } from './remote-status';

const ENDED = new Set<CaseStatus>([...ENDED_STATUSES, 'answered']);

/** A status as its reader should read it; the one the reader must act on stands out. */
export function StatusTag({ status, reader }: { status: CaseStatus; reader: Reader }) {
  const t = useT();
  const yourTurn =
    (reader === 'consumer' && status === 'awaiting_consumer') ||
    (reader === 'merchant' && status === 'merchant_negotiating');
  const tone = yourTurn ? 'wq-status-act' : ENDED.has(status) ? 'wq-status-ended' : 'wq-status-open';
  return (
    <Text className={`wq-status ${tone}`} data-status={status}>
      {t(statusKey(status, reader))}
    </Text>
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

const DEADLINE: Record<DeadlineView['kind'], MessageKey> = {
  merchant_response: 'deadline.merchant_response',
  acceptance: 'deadline.acceptance',
  mediation: 'deadline.mediation',
  report_verification: 'deadline.report_verification',
};

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
          <Text>{t(DEADLINE[d.kind])}</Text>
          <Text className="wq-muted"> {t('deadline.due', { date: beijingDay(d.dueAt) })} </Text>
          <Text className="wq-days-left">{daysLeftText(t, d)}</Text>
          {d.provisional && (
            <View className="wq-provisional">
              <Text className="wq-tag">{t('deadline.provisional')}</Text>
              <Text className="wq-muted"> {t('deadline.provisionalNote')}</Text>
            </View>
          )}
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

export function Timeline({
  entries,
  kind,
  reader,
}: {
  entries: TimelineEntry[];
  kind: CaseView['kind'];
  reader: Reader;
}) {
  const t = useT();
  return (
    <View className="wq-card">
      <Text className="wq-card-title">{t('case.timeline')}</Text>
      {entries.map((e, i) => (
        <View key={i} className="wq-timeline-entry" data-type={e.type} data-actor={e.actorRole}>
          <Text className="wq-muted">
            {beijingDateTime(e.at)} · {t(actorKey(e.actorRole, reader))}
          </Text>
          <Text className="wq-timeline-title">{t(timelineKey(e.type, kind))}</Text>
          {entryDetail(t, e) && <Text className="wq-timeline-text">{entryDetail(t, e)}</Text>}
        </View>
      ))}
    </View>
  );
}

export const CASE_NO: Record<CaseView['kind'], MessageKey> = {
  complaint: 'case.no',
  report: 'case.noReport',
  consultation: 'case.noConsultation',
};

export const KIND: Record<CaseView['kind'], MessageKey> = {
  complaint: 'kind.complaint',
  report: 'kind.report',
  consultation: 'kind.consultation',
};

export function KindTag({ kind }: { kind: CaseView['kind'] }) {
  const t = useT();
  return (
    <Text className="wq-kind" data-kind={kind}>
      {t(KIND[kind])}
    </Text>
  );
}

/** "下一步": what happens now, who acts and by when (the nearest running deadline). */
export function NextStep({ c, reader }: { c: CaseView; reader: Reader }) {
  const t = useT();
  const due = [...c.deadlines].sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
  return (
    <View className="wq-next" data-testid="next-step" data-reader={reader}>
      <Text className="wq-label">{t('case.nextStep')}</Text>
      <Text className="wq-body">
        {t(nextStepKey(c.status, reader), { date: due ? beijingDay(due.dueAt) : t('case.noDeadlineYet') })}
      </Text>
    </View>
  );
}

const DEMAND: Record<NonNullable<CaseView['demand']>['type'], MessageKey> = {
  refund: 'demand.refund',
  exchange: 'demand.exchange',
  repair: 'demand.repair',
  compensation: 'demand.compensation',
  apology: 'demand.apology',
  other: 'demand.other',
};
export const demandKey = (type: keyof typeof DEMAND): MessageKey => DEMAND[type];

export const CHANNEL: Record<'online' | 'offline', MessageKey> = {
  online: 'channel.online',
  offline: 'channel.offline',
};

/** 消费信息: every purchase detail the filing carried. */
export function PurchaseDetails({ purchase }: { purchase: NonNullable<CaseView['purchase']> }) {
  const t = useT();
  const channel = CHANNEL[purchase.channel as 'online' | 'offline'];
  return (
    <View className="wq-purchase" data-testid="purchase">
      <Text className="wq-label">{t('wizard.step.purchase')}</Text>
      <Text className="wq-body">
        {t('case.purchasedOn', { date: purchase.occurredOn })}
        {channel ? ` · ${t(channel)}` : ''}
      </Text>
      {purchase.amountFen !== undefined && (
        <Text className="wq-body">{t('case.purchaseAmount', { amount: fenToYuan(purchase.amountFen) })}</Text>
      )}
      {purchase.orderNo && <Text className="wq-body">{t('case.orderNo', { no: purchase.orderNo })}</Text>}
    </View>
  );
}

/** The latest staff answer of a consultation (the timeline holds every answer and follow-up). */
export function latestAnswer(c: Pick<CaseView, 'timeline'>): TimelineEntry | undefined {
  return [...c.timeline].reverse().find((e) => e.type === 'answer');
}

export function CaseSummary({ c, reader }: { c: CaseView; reader: Reader }) {
  const t = useT();
  const answer = c.kind === 'consultation' ? latestAnswer(c) : undefined;
  return (
    <View className="wq-card" data-kind={c.kind}>
      <View className="wq-row">
        <Text className="wq-case-no">{t(CASE_NO[c.kind], { caseNo: c.caseNo })}</Text>
        <StatusTag status={c.status} reader={reader} />
      </View>
      <NextStep c={c} reader={reader} />
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
          {t('case.demand')}: {t(DEMAND[c.demand.type])}
          {c.demand.amountFen !== undefined
            ? ` ${t('common.yuan', { amount: fenToYuan(c.demand.amountFen) })}`
            : ''}
        </Text>
      )}
      {c.purchase && <PurchaseDetails purchase={c.purchase} />}
      <EvidenceList attachments={c.attachments} reader={reader} />
    </View>
  );
}

/** A case page (the consumer's and the merchant's): summary and deadlines, the page's own cards, the timeline. */
export function CaseBody({
  remote,
  reader,
  children,
}: {
  remote: Remote<CaseView>;
  reader: Reader;
  children: (c: CaseView) => ReactNode;
}) {
  const c = remote.data;
  return (
    <View className="wq-page">
      <RemoteStatus remote={remote} />
      {c && (
        <>
          <CaseSummary c={c} reader={reader} />
          <DeadlineList deadlines={c.deadlines} />
          {children(c)}
          <Timeline entries={c.timeline} kind={c.kind} reader={reader} />
        </>
      )}
    </View>
  );
}
