import type { CaseView } from '@weiquan/shared';
import { FilePdfOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Image, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/endpoints';
import { zh } from '../../i18n/zh-Hans';

type Attachment = CaseView['attachments'][number];

/** Uploads need the bearer token, so the bytes are fetched and shown through blob: URLs. */
function useBlobUrls(attachments: Attachment[]): Record<string, string> {
  const [urls, setUrls] = useState<Record<string, string>>({});
  const ids = attachments.map((a) => a.id).join(',');
  useEffect(() => {
    let alive = true;
    const made: string[] = [];
    for (const a of attachments) {
      api.upload(a.id).then(
        (blob) => {
          const u = URL.createObjectURL(blob);
          made.push(u);
          if (alive) setUrls((prev) => ({ ...prev, [a.id]: u }));
        },
        () => {},
      );
    }
    return () => {
      alive = false;
      made.forEach((u) => URL.revokeObjectURL(u));
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the id list is the dependency
  }, [ids]);
  return urls;
}

export function EvidenceViewer({ attachments }: { attachments: Attachment[] }) {
  const urls = useBlobUrls(attachments);
  return (
    <Card title={`${zh.case.evidence}（${attachments.length}）`} size="small">
      {attachments.length === 0 ? (
        <Empty description={zh.case.noEvidence} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Image.PreviewGroup>
          <Space wrap>
            {attachments.map((a, i) =>
              a.mime.startsWith('image/') ? (
                <Image
                  key={a.id}
                  width={112}
                  height={112}
                  style={{ objectFit: 'cover' }}
                  src={urls[a.id]}
                  alt={`${zh.case.evidence} ${i + 1}`}
                  placeholder
                />
              ) : (
                <Button
                  key={a.id}
                  icon={<FilePdfOutlined />}
                  href={urls[a.id]}
                  target="_blank"
                  disabled={!urls[a.id]}
                >
                  {zh.case.openFile} {i + 1}（{Math.ceil(a.size / 1024)} KB）
                </Button>
              ),
            )}
          </Space>
        </Image.PreviewGroup>
      )}
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
        {attachments.map((a) => a.mime).join('，')}
      </Typography.Text>
    </Card>
  );
}
