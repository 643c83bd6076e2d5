import type { CaseView } from '@weiquan/shared';
import { EyeOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Typography } from 'antd';
import { zh } from '../../i18n/zh-Hans';

/** The unmasked contact, with the note that this read is audited (PIPL: who saw whose data). */
export function ContactCard({ c }: { c: CaseView }) {
  const person = c.complainant ?? c.reporter ?? null;
  const title = c.complainant
    ? zh.case.complainant
    : c.kind === 'report'
      ? zh.case.reporter
      : zh.case.contact;
  if (c.kind === 'consultation' && !person) return null;
  return (
    <Card size="small" title={title}>
      {person ? (
        <>
          <Alert
            type="info"
            showIcon
            icon={<EyeOutlined />}
            message={zh.case.auditedNote}
            style={{ marginBottom: 12 }}
          />
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'name', label: zh.case.name, children: person.name },
              {
                key: 'phone',
                label: zh.case.phone,
                children: <span data-testid="contact-phone">{person.phone}</span>,
              },
              { key: 'address', label: zh.case.address, children: person.address },
            ]}
          />
          {c.kind === 'complaint' && (
            <Typography.Text type="secondary">
              {c.shareContactWithMerchant ? zh.case.shared : zh.case.notShared}
            </Typography.Text>
          )}
        </>
      ) : (
        <Typography.Text>{zh.case.anonymous}</Typography.Text>
      )}
    </Card>
  );
}
