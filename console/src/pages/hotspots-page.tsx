import { Typography } from 'antd';
import { zh } from '../i18n/zh-Hans';

export default function HotspotsPage() {
  return <Typography.Title level={3}>{zh.nav.hotspots}</Typography.Title>;
}
