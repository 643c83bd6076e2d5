import { Typography } from 'antd';
import { zh } from '../i18n/zh-Hans';

export default function ConsultationsPage() {
  return <Typography.Title level={3}>{zh.nav.consultations}</Typography.Title>;
}
