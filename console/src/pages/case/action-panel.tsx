import type { ActionType, CaseAction, CaseView } from '@weiquan/shared';
import { Alert, App, Button, Card, Empty, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../api/http';
import { zh } from '../../i18n/zh-Hans';
import { clearDraft, loadDraft, saveDraft } from '../../lib/drafts';
import { errorText, fieldErrors } from '../../lib/error-text';
import { actionLabel } from '../../lib/labels';
import { ActionForm, type StaffOption, type TemplateOption } from './action-form';
import { ACTION_SPECS, orderActions, type ActionSpec, type FormValues } from './action-specs';
import { conflictSummary } from './conflict-summary';

export interface ActionPanelProps {
  caseView: CaseView;
  /** posts one action; the panel adds expectedVersion */
  act(action: CaseAction): Promise<CaseView>;
  /** loads the case again (after a version conflict) */
  reload(): Promise<CaseView>;
  onChanged(next: CaseView): void;
  loadTemplates?(action: ActionType): Promise<TemplateOption[]>;
  staff?: StaffOption[];
  /** told whether an action form is open (the presence heartbeat says so to colleagues) */
  onActing?(acting: boolean): void;
}

const EMPTY_SPEC: ActionSpec = { fields: [], build: () => ({ type: 'resume_clock' }) };
function specOf(type: ActionType): ActionSpec {
  return (
    ACTION_SPECS[type as keyof typeof ACTION_SPECS] ?? {
      ...EMPTY_SPEC,
      build: () => ({ type }) as CaseAction,
    }
  );
}

/**
 * Exactly the actions `allowedActions` gives, each behind a button (Alt+1..9), opening the form that
 * asks for what the contract requires. Sends `expectedVersion`; a VERSION_CONFLICT reloads the case,
 * keeps the draft and says what changed.
 */
export function ActionPanel({
  caseView,
  act,
  reload,
  onChanged,
  loadTemplates,
  staff,
  onActing,
}: ActionPanelProps) {
  const { message } = App.useApp();
  const actions = orderActions(caseView.allowedActions);
  const [open, setOpen] = useState<ActionType | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | unknown | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [templates, setTemplates] = useState<TemplateOption[]>([]);

  useEffect(() => onActing?.(open !== null), [open, onActing]);

  const openForm = useCallback(
    (type: ActionType | null) => {
      setOpen(type);
      setError(null);
      setTemplates([]);
      if (type && loadTemplates && specOf(type).templateField)
        loadTemplates(type).then(setTemplates, () => setTemplates([]));
    },
    [loadTemplates],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && /^[1-9]$/.test(e.key)) {
        const type = actions[Number(e.key) - 1];
        if (type) {
          e.preventDefault();
          openForm(type);
        }
      } else if (e.key === 'Escape' && open) openForm(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions, open, openForm]);

  async function submit(type: ActionType, values: FormValues) {
    setBusy(true);
    setError(null);
    setConflict(null);
    try {
      const body = { ...specOf(type).build(values), expectedVersion: caseView.version } as CaseAction;
      const next = await act(body);
      clearDraft(caseView.id, type);
      setOpen(null);
      message.success(`${actionLabel(type)}：${zh.case.done}`);
      onChanged(next);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') {
        try {
          const fresh = await reload();
          setConflict(conflictSummary(caseView, fresh));
          onChanged(fresh);
          if (!fresh.allowedActions.includes(type)) setOpen(null);
        } catch (reloadErr) {
          setError(reloadErr);
        }
      }
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card
      title={zh.case.actions}
      size="small"
      extra={<Typography.Text type="secondary">{zh.case.shortcutHelp}</Typography.Text>}
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          message={conflict}
          description={zh.errors.VERSION_CONFLICT}
          style={{ marginBottom: 12 }}
          closable
          onClose={() => setConflict(null)}
        />
      )}
      {actions.length === 0 ? (
        <Empty description={zh.case.noActions} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Space wrap style={{ marginBottom: open ? 16 : 0 }}>
          {actions.map((type, i) => (
            <Button
              key={type}
              type={open === type ? 'primary' : 'default'}
              danger={specOf(type).danger}
              aria-expanded={open === type}
              aria-keyshortcuts={i < 9 ? `Alt+${i + 1}` : undefined}
              onClick={() => openForm(open === type ? null : type)}
              data-action={type}
            >
              {actionLabel(type)}
              {i < 9 && (
                <span aria-hidden style={{ marginLeft: 6, fontSize: 12 }}>
                  Alt+{i + 1}
                </span>
              )}
            </Button>
          ))}
        </Space>
      )}
      {open && (
        <ActionForm
          key={`${open}-${caseView.id}`}
          type={open}
          spec={specOf(open)}
          draft={loadDraft(caseView.id, open)}
          onDraft={(v) => saveDraft(caseView.id, open, v)}
          onSubmit={(v) => void submit(open, v)}
          onCancel={() => openForm(null)}
          busy={busy}
          error={
            error && !(error instanceof ApiError && error.code === 'VERSION_CONFLICT')
              ? errorText(error)
              : null
          }
          fieldErrors={fieldErrors(error)}
          templates={templates}
          staff={staff}
        />
      )}
    </Card>
  );
}
