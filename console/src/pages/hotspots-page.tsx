import type { Hotspot } from '@weiquan/shared';
import { Table, Typography } from 'antd';
import { PageHeader } from '../components/page-header';
import { api } from '../api/endpoints';
import { zh } from '../i18n/zh-Hans';
import { categoryLabel, formatTime } from '../lib/labels';
import { useLoad } from '../lib/use-load';

/** 热点约谈: merchants whose complaints spiked, with their figures, to summon. */
export default function HotspotsPage() {
  const { data, error, loading } = useLoad(() => api.hotspots(), 'hotspots');
  return (
    <>
      <PageHeader title={zh.hotspots.heading} help={zh.hotspots.help} error={error} />
      {data && (
        <Typography.Paragraph type="secondary">
          {zh.hotspots.asOf}：{formatTime(data.asOf)}
        </Typography.Paragraph>
      )}
      <Table<Hotspot>
        rowKey={(h) => `${h.merchant.id}-${h.category}`}
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={false}
        columns={[
          { title: zh.merchants.name, key: 'merchant', render: (_, h) => h.merchant.name },
          { title: zh.case.category, dataIndex: 'category', render: categoryLabel },
          { title: zh.hotspots.last7, dataIndex: 'last7Days', width: 120 },
          {
            title: zh.hotspots.avg,
            dataIndex: 'weeklyAverage8Weeks',
            width: 140,
            render: (n: number) => n.toFixed(1),
          },
          {
            title: '倍数',
            key: 'factor',
            width: 100,
            render: (_, h) =>
              h.weeklyAverage8Weeks > 0 ? `${(h.last7Days / h.weeklyAverage8Weeks).toFixed(1)} 倍` : '新增',
          },
        ]}
      />
    </>
  );
}
