import type { CaseView } from '@weiquan/shared';
import { Alert, Card, Descriptions, Typography, type DescriptionsProps } from 'antd';
import { zh } from '../../i18n/zh-Hans';
import { categoryLabel } from '../../lib/labels';
import { fenToYuan } from '../../lib/money';
import { groundText } from '../../lib/grounds';

/** What the case holds: facts or question, demand, purchase, merchant, proposal, outcome, rating. */
export function CaseFacts({ c }: { c: CaseView }) {
  type Item = NonNullable<DescriptionsProps['items']>[number];
  const items: Array<Item | null | undefined | false> = [
    { key: 'category', label: zh.case.category, children: categoryLabel(c.category) },
    c.merchant && {
      key: 'merchant',
      label: zh.case.merchant,
      children: `${c.merchant.name}${c.merchant.address ? `（${c.merchant.address}）` : ''}`,
    },
    c.demand && {
      key: 'demand',
      label: zh.case.demand,
      children: `${zh.demandTypes[c.demand.type] ?? c.demand.type}${c.demand.amountFen !== undefined ? ` ${fenToYuan(c.demand.amountFen)} 元` : ''}`,
    },
    c.purchase && {
      key: 'purchase',
      label: zh.case.purchase,
      children: [
        c.purchase.occurredOn,
        c.purchase.channel === 'online' ? zh.case.online : zh.case.offline,
        c.purchase.amountFen !== undefined ? `${fenToYuan(c.purchase.amountFen)} 元` : null,
        c.purchase.orderNo ? `${zh.case.orderNo} ${c.purchase.orderNo}` : null,
      ]
        .filter(Boolean)
        .join(' · '),
    },
    c.outcome && {
      key: 'outcome',
      label: zh.case.outcome,
      children: [
        c.outcome.outcome === 'mediated' ? zh.form.mediated : zh.form.terminated,
        c.outcome.ground ? groundText(c.outcome.ground) : null,
        c.outcome.recoveredFen !== undefined
          ? `${zh.case.recovered} ${fenToYuan(c.outcome.recoveredFen)} 元`
          : null,
      ]
        .filter(Boolean)
        .join('；'),
    },
    c.rating && {
      key: 'rating',
      label: zh.case.rating,
      children: `${c.rating.score} 分${c.rating.comment ? `：${c.rating.comment}` : ''}`,
    },
  ];
  return (
    <Card size="small" title={c.kind === 'consultation' ? zh.case.question : zh.case.facts}>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 15 }} data-testid="case-facts">
        {c.facts ?? c.question}
      </Typography.Paragraph>
      {c.proposal && (
        <Alert
          type="info"
          message={`${zh.case.proposal}${c.proposal.refundFen !== undefined ? `（退款 ${fenToYuan(c.proposal.refundFen)} 元）` : ''}`}
          description={c.proposal.text}
          style={{ marginBottom: 12 }}
        />
      )}
      <Descriptions size="small" column={2} bordered items={items.filter((x): x is Item => Boolean(x))} />
    </Card>
  );
}
