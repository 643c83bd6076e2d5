import { Typography } from 'antd';
import { zh } from '../i18n/zh-Hans';

export default function ReportsPage() {
  return <Typography.Title level={3}>{zh.nav.reports}</Typography.Title>;
}
