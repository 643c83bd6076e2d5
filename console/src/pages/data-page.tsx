import { Typography } from 'antd';
import { zh } from '../i18n/zh-Hans';

export default function DataPage() {
  return <Typography.Title level={3}>{zh.nav.data}</Typography.Title>;
}
