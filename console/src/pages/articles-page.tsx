import { Typography } from 'antd';
import { zh } from '../i18n/zh-Hans';

export default function ArticlesPage() {
  return <Typography.Title level={3}>{zh.nav.articles}</Typography.Title>;
}
