import { Button, Image, Label, Switch, Text, View } from '@tarojs/components';
import { MAX_ATTACHMENTS } from '@weiquan/shared';
import { useRef, type Dispatch, type SetStateAction } from 'react';
import { api } from '../../api/endpoints';
import { ErrorText } from '../../components/field';
import { NutButton } from '../../components/nut';
import { NutProgress } from '../../components/nut-progress-rate';
import { messageOf } from '../../hooks/use-remote';
import { useT } from '../../i18n';
import type { Draft } from '../../lib/draft';
import { usePrivacyGate } from '../privacy/privacy-gate';
import { pickPhotos } from './pick-photos';
import type { Photo } from './photos';

type SetPhotos = (change: (photos: Photo[]) => Photo[]) => void;

/** `setPhotos` for photos kept in a draft's form. */
export function draftPhotos<F extends { photos: Photo[] }>(
  setDraft: Dispatch<SetStateAction<Draft<F>>>,
): SetPhotos {
  return (change) => setDraft((d) => ({ ...d, form: { ...d.form, photos: change(d.form.photos) } }));
}

/**
 * Evidence photos for a filing: privacy consent (WeChat) before the picker, at most
 * MAX_ATTACHMENTS, each uploaded at once with progress, a retry when it fails, abort on remove.
 * The photos themselves live in the caller's draft (`setPhotos` edits them there).
 */
export function usePhotoUploads(photos: Photo[], setPhotos: SetPhotos) {
  const privacy = usePrivacyGate();
  const uploads = useRef(new Map<string, { abort(): void }>());
  const patch = (path: string, change: Partial<Photo>) =>
    setPhotos((all) => all.map((p) => (p.path === path ? { ...p, ...change } : p)));

  const upload = (path: string) => {
    patch(path, { status: 'uploading', progress: 0, error: undefined });
    const handle = api.upload(path, (progress) => patch(path, { progress }));
    uploads.current.set(path, handle);
    handle.promise.then(
      (answer) => patch(path, { status: 'done', progress: 100, uploadId: answer.id }),
      (e) => patch(path, { status: 'failed', error: messageOf(e) }),
    );
  };

  return {
    privacyDialog: privacy.dialog,
    choose: async () => {
      const room = MAX_ATTACHMENTS - photos.length;
      if (room <= 0 || !(await privacy.ensure())) return;
      const paths = await pickPhotos(room);
      setPhotos((all) => [
        ...all,
        ...paths.map((path) => ({ path, status: 'uploading' as const, progress: 0 })),
      ]);
      paths.forEach(upload);
    },
    retry: upload,
    markCentreOnly: (path: string, centreOnly: boolean) => patch(path, { centreOnly }),
    remove: (path: string) => {
      uploads.current.get(path)?.abort();
      setPhotos((all) => all.filter((p) => p.path !== path));
    },
    abortAll: () => uploads.current.forEach((u) => u.abort()),
  };
}

/**
 * The evidence step: the photos with their upload state, and the add button. `centreOnly` (complaints)
 * gives each photo a 只给12315看 switch: the merchant never sees a photo so marked.
 */
export function EvidencePhotos({
  photos,
  uploads,
  error,
  centreOnly,
}: {
  photos: Photo[];
  uploads: ReturnType<typeof usePhotoUploads>;
  error?: string;
  centreOnly?: boolean;
}) {
  const t = useT();
  return (
    <View className="wq-card">
      <Text className="wq-hint">
        {t(centreOnly ? 'wizard.evidence.hintCentreOnly' : 'wizard.evidence.hint')}
      </Text>
      <View className="wq-photos">
        {photos.map((p, i) => (
          <View key={p.path} className={`wq-photo wq-photo-${p.status}`} data-status={p.status}>
            <Image
              src={p.path}
              mode="aspectFill"
              className="wq-photo-img"
              nativeProps={{ alt: t('case.evidenceN', { n: i + 1 }) }}
            />
            {p.status === 'uploading' && <NutProgress percent={p.progress} showText={false} />}
            {p.status === 'uploading' && (
              <Text className="wq-hint">{t('wizard.evidence.uploading', { p: p.progress })}</Text>
            )}
            {p.status === 'failed' && (
              <View>
                <Text className="wq-error">{p.error ?? t('wizard.evidence.failed')}</Text>
                <Button className="wq-link-button wq-photo-retry" onClick={() => uploads.retry(p.path)}>
                  {t('common.retry')}
                </Button>
              </View>
            )}
            {centreOnly && (
              <View className="wq-switch-row wq-photo-centre-only">
                <Label for={`centre-only-${i}`} className="wq-hint">
                  {t('evidence.centreOnly')}
                </Label>
                <Switch
                  id={`centre-only-${i}`}
                  checked={!!p.centreOnly}
                  nativeProps={{
                    'aria-label': `${t('evidence.centreOnly')} · ${t('case.evidenceN', { n: i + 1 })}`,
                  }}
                  onChange={(e) => uploads.markCentreOnly(p.path, !!e.detail.value)}
                />
              </View>
            )}
            <Button className="wq-link-button" onClick={() => uploads.remove(p.path)}>
              {t('wizard.evidence.remove')}
            </Button>
          </View>
        ))}
      </View>
      {photos.length < MAX_ATTACHMENTS && (
        <NutButton id="add-photos" fill="outline" block onClick={uploads.choose}>
          {t('wizard.evidence.add', { n: photos.length })}
        </NutButton>
      )}
      <ErrorText message={error} />
    </View>
  );
}
