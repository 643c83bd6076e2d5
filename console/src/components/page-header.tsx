import { Alert, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { errorText } from '../lib/error-text';

/** A screen's heading, its help line and, when loading failed, the reason in plain Chinese. */
export function PageHeader({
  title,
  help,
  error,
  extra,
}: {
  title: string;
  help?: string;
  error?: unknown;
  extra?: ReactNode;
}) {
  return (
    <Space direction="vertical" size={8} style={{ width: '100%', marginBottom: 16 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra}
      </Space>
      {help && <Typography.Text type="secondary">{help}</Typography.Text>}
      {error ? <Alert type="error" showIcon role="alert" message={errorText(error)} /> : null}
    </Space>
  );
}
