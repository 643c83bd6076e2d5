import { Typography } from 'antd';
import { zh } from '../i18n/zh-Hans';

export default function VisitsPage() {
  return <Typography.Title level={3}>{zh.nav.visits}</Typography.Title>;
}
