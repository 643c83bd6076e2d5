import { PRESENCE_BEAT_SECONDS, type PresenceViewer } from '@weiquan/shared';
import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/endpoints';
import { zh } from '../../i18n/zh-Hans';

type Beat = (caseId: string, acting: boolean) => Promise<{ viewers: PresenceViewer[] }>;

/**
 * The case page's heartbeat (FreeScout's warning): says the handler is on the case, and whether an
 * action form is open, at once and every 20 s; answers the colleagues on it. A failed beat keeps the
 * last answer (the warning is advice: `expectedVersion` is what protects a change).
 */
export function usePresence(caseId: string, acting: boolean, beat: Beat = api.presence): PresenceViewer[] {
  const [viewers, setViewers] = useState<PresenceViewer[]>([]);
  useEffect(() => {
    let live = true;
    const once = () =>
      beat(caseId, acting).then(
        (answer) => live && setViewers(answer.viewers),
        () => undefined,
      );
    void once();
    const timer = setInterval(once, PRESENCE_BEAT_SECONDS * 1000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [caseId, acting, beat]);
  useEffect(() => setViewers([]), [caseId]);
  return viewers;
}

const names = (vs: PresenceViewer[]) => vs.map((v) => v.displayName).join('、');

/** 「张三 正在处理此案件」: who else has the case open, those with an action open first. */
export function PresenceBanner({ viewers }: { viewers: PresenceViewer[] }) {
  if (!viewers.length) return null;
  const acting = viewers.filter((v) => v.acting);
  const viewing = viewers.filter((v) => !v.acting);
  const lines = [
    acting.length ? zh.case.othersActing(names(acting)) : null,
    viewing.length ? zh.case.othersViewing(names(viewing)) : null,
  ].filter(Boolean);
  return (
    <Alert
      type="warning"
      showIcon
      role="status"
      data-testid="presence-banner"
      message={lines.join('；')}
      description={zh.case.othersHelp}
      style={{ marginBottom: 16 }}
    />
  );
}
