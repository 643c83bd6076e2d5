import { Typography } from 'antd';
import { zh } from '../i18n/zh-Hans';

export default function IntakePage() {
  return <Typography.Title level={3}>{zh.nav.intake}</Typography.Title>;
}
