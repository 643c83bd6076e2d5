import { Typography } from 'antd';
import { zh } from '../i18n/zh-Hans';

export default function TemplatesPage() {
  return <Typography.Title level={3}>{zh.nav.templates}</Typography.Title>;
}
