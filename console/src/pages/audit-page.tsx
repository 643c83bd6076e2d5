import { Typography } from 'antd';
import { zh } from '../i18n/zh-Hans';

export default function AuditPage() {
  return <Typography.Title level={3}>{zh.nav.audit}</Typography.Title>;
}
