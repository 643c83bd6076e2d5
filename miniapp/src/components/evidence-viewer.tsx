import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { CaseView } from '@weiquan/shared';
import { useEffect, useState } from 'react';
import { useT } from '../i18n';
import { ErrorText } from './field';
import { apiBase, isWeapp } from '../lib/platform';
import { getSession, type AppRole } from '../lib/session';

type Attachment = CaseView['attachments'][number];

/**
 * An upload's bytes need the reader's Bearer token (GET /uploads/:id), which neither `<img src>` nor
 * `previewImage` can send: WeChat downloads it first (downloadFile takes headers) and previews the
 * local copy; H5 fetches it as a blob and shows it full screen.
 */
async function localCopy(id: string, role: AppRole): Promise<string> {
  const url = `${apiBase()}/uploads/${encodeURIComponent(id)}`;
  const token = getSession(role)?.accessToken;
  const header: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  if (isWeapp()) {
    const res = await Taro.downloadFile({ url, header });
    if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode}`);
    return res.tempFilePath;
  }
  const res = await fetch(url, { headers: header });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return URL.createObjectURL(await res.blob());
}

export function EvidenceList({ attachments, reader }: { attachments: Attachment[]; reader: AppRole }) {
  const t = useT();
  const [open, setOpen] = useState<{ src: string; mime: string; n: number } | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(
    () => () => {
      if (open && !isWeapp()) URL.revokeObjectURL(open.src);
    },
    [open],
  );
  if (!attachments.length) return null;

  const show = async (a: Attachment, n: number) => {
    try {
      setFailed(false);
      const src = await localCopy(a.id, reader);
      if (isWeapp()) {
        if (a.mime === 'application/pdf') await Taro.openDocument({ filePath: src, fileType: 'pdf' });
        else await Taro.previewImage({ urls: [src], current: src });
        return;
      }
      setOpen({ src, mime: a.mime, n });
    } catch {
      setFailed(true);
    }
  };

  return (
    <View className="wq-evidence" data-testid="evidence">
      <Text className="wq-label">{t('case.attachments', { n: attachments.length })}</Text>
      <View className="wq-evidence-row">
        {attachments.map((a, i) => (
          <View
            key={a.id}
            className="wq-evidence-item"
            role="button"
            aria-label={t('case.openEvidence', { n: i + 1 })}
            data-upload-id={a.id}
            onClick={() => void show(a, i + 1)}
          >
            <Text>{a.mime === 'application/pdf' ? 'PDF' : t('case.evidenceN', { n: i + 1 })}</Text>
            {/* only the consumer and staff ever receive such a photo: the merchant's case omits it */}
            {a.centreOnly && <Text className="wq-hint">{t('evidence.centreOnly')}</Text>}
          </View>
        ))}
      </View>
      <ErrorText message={failed ? t('case.evidenceFailed') : null} />
      {open && (
        <View
          className="wq-viewer"
          role="dialog"
          aria-modal="true"
          aria-label={t('case.openEvidence', { n: open.n })}
          data-testid="evidence-viewer"
          onClick={() => setOpen(null)}
        >
          {open.mime === 'application/pdf' ? (
            <Text className="wq-viewer-note">{t('case.evidencePdf')}</Text>
          ) : (
            <Image
              className="wq-viewer-image"
              src={open.src}
              mode="aspectFit"
              nativeProps={{ alt: t('case.evidenceN', { n: open.n }) }}
            />
          )}
          <View className="wq-viewer-close" role="button" aria-label={t('common.close')}>
            <Text>{t('common.close')}</Text>
          </View>
        </View>
      )}
    </View>
  );
}
