import { Typography } from 'antd';
import { zh } from '../i18n/zh-Hans';

export default function MerchantsPage() {
  return <Typography.Title level={3}>{zh.nav.merchants}</Typography.Title>;
}
