import { CASE_KINDS, CATEGORIES, type StatsAnswer } from '@weiquan/shared';
import { Alert, App, Button, Card, Col, DatePicker, Form, Row, Select, Space, Statistic, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { api } from '../api/endpoints';
import { EChart, type ChartOption } from '../components/echart';
import { PageHeader } from '../components/page-header';
import { zh } from '../i18n/zh-Hans';
import { errorText } from '../lib/error-text';
import { fenToYuan } from '../lib/money';
import { useLoad } from '../lib/use-load';
import { canSupervise, useSession } from '../session/use-session';

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
const COLORS = ['#0958d9', '#d4380d', '#389e0d', '#722ed1'];

function receivedOption(s: StatsAnswer): ChartOption {
  return {
    color: COLORS,
    tooltip: { trigger: 'axis' },
    legend: {},
    grid: { left: 40, right: 16, bottom: 32, top: 40 },
    xAxis: { type: 'category', data: s.months.map((m) => m.month) },
    yAxis: { type: 'value', minInterval: 1 },
    series: CASE_KINDS.map((k) => ({
      name: zh.kinds[k],
      type: 'bar',
      stack: 'received',
      data: s.months.map((m) => m.received[k]),
    })),
  };
}
function ratesOption(s: StatsAnswer): ChartOption {
  const line = (name: string, pick: (m: StatsAnswer['months'][number]) => number | null) => ({
    name,
    type: 'line',
    connectNulls: true,
    data: s.months.map((m) => {
      const r = pick(m);
      return r === null ? null : Math.round(r * 1000) / 10;
    }),
  });
  return {
    color: COLORS,
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: unknown) => (v === null || v === undefined ? '—' : `${v}%`),
    },
    legend: {},
    grid: { left: 40, right: 16, bottom: 32, top: 40 },
    xAxis: { type: 'category', data: s.months.map((m) => m.month) },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      line(zh.data.acceptanceOnTime, (m) => m.acceptanceOnTimeRate),
      line(zh.data.completion, (m) => m.completionRate),
      line(zh.data.mediationSuccess, (m) => m.mediationSuccessRate),
      line(zh.data.satisfaction, (m) => m.satisfaction.share4or5),
    ],
  };
}

/** The CSV export of the cases received in a period (no personal data; every export is audited). */
function ExportCsv() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  async function run(v: { range: [Dayjs, Dayjs]; kind?: (typeof CASE_KINDS)[number] }) {
    setBusy(true);
    try {
      const [from, to] = v.range.map((d) => d.format('YYYY-MM-DD'));
      const blob = await api.exportCsv({ from, to, kind: v.kind });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `cases-${from}-${to}.csv`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{zh.data.exportCsv}</h2>}>
      <Form
        layout="inline"
        onFinish={run}
        initialValues={{ range: [dayjs().startOf('month'), dayjs()] }}
        aria-label={zh.data.exportCsv}
      >
        <Form.Item
          name="range"
          label={zh.data.period}
          rules={[{ required: true, message: zh.form.required }]}
        >
          <DatePicker.RangePicker allowClear={false} />
        </Form.Item>
        <Form.Item name="kind" label={zh.workbench.kind}>
          <Select
            allowClear
            style={{ width: 120 }}
            options={CASE_KINDS.map((k) => ({ value: k, label: zh.kinds[k] }))}
          />
        </Form.Item>
        <Button htmlType="submit" type="primary" loading={busy}>
          {zh.data.exportCsv}
        </Button>
      </Form>
    </Card>
  );
}

export default function DataPage() {
  const session = useSession();
  const [category, setCategory] = useState<(typeof CATEGORIES)[number]['code']>();
  const { data, error } = useLoad(() => api.stats({ category }), category ?? '');
  const received = useMemo(() => (data ? receivedOption(data) : null), [data]);
  const rates = useMemo(() => (data ? ratesOption(data) : null), [data]);
  const t = data?.totals;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader
        title={zh.data.heading}
        error={error}
        extra={
          <Select
            allowClear
            aria-label={zh.case.category}
            placeholder={`${zh.case.category}：${zh.queues.all}`}
            style={{ width: 240 }}
            value={category}
            onChange={setCategory}
            options={CATEGORIES.map((c) => ({ value: c.code, label: c.name }))}
          />
        }
      />
      {data && t && (
        <>
          <Card size="small">
            <Row gutter={16}>
              <Col span={4}>
                <Statistic title={zh.kinds.complaint} value={t.received.complaint} />
              </Col>
              <Col span={4}>
                <Statistic title={zh.data.acceptanceOnTime} value={pct(t.acceptanceOnTimeRate)} />
              </Col>
              <Col span={4}>
                <Statistic title={zh.data.completion} value={pct(t.completionRate)} />
              </Col>
              <Col span={4}>
                <Statistic title={zh.data.mediationSuccess} value={pct(t.mediationSuccessRate)} />
              </Col>
              <Col span={4}>
                <Statistic title={zh.data.satisfaction} value={pct(t.satisfaction.share4or5)} />
              </Col>
              <Col span={4}>
                <Statistic title={zh.data.recovered} value={fenToYuan(t.recoveredFen)} />
              </Col>
            </Row>
          </Card>
          <Row gutter={16}>
            <Col span={12}>
              <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{zh.data.received}</h2>}>
                {received && <EChart option={received} label={zh.data.received} />}
              </Card>
            </Col>
            <Col span={12}>
              <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{zh.data.rates}</h2>}>
                {rates && <EChart option={rates} label={zh.data.rates} />}
              </Card>
            </Col>
          </Row>
          <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{zh.data.odr}</h2>}>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={data.merchants}
              columns={[
                { title: zh.merchants.name, dataIndex: 'name' },
                { title: zh.kinds.complaint, dataIndex: 'received', width: 120 },
                { title: zh.data.timelyRate, dataIndex: 'timelyRate', width: 160, render: pct },
              ]}
            />
          </Card>
        </>
      )}
      {canSupervise(session) ? <ExportCsv /> : <Alert type="info" message={zh.data.exportNeedsSupervisor} />}
    </Space>
  );
}
