import { Typography } from 'antd';
import { zh } from '../i18n/zh-Hans';

export default function StaffPage() {
  return <Typography.Title level={3}>{zh.nav.staff}</Typography.Title>;
}
