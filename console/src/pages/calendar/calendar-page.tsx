import { beijingDate, type CalendarAnswer } from '@weiquan/shared';
import { Alert, App, Button, Card, Col, Input, Row, Segmented, Select, Space, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { api } from '../../api/endpoints';
import { ApiError } from '../../api/http';
import { PageHeader } from '../../components/page-header';
import { zh } from '../../i18n/zh-Hans';
import { errorText } from '../../lib/error-text';
import { useLoad } from '../../lib/use-load';
import { isAdmin, useSession } from '../../session/use-session';
import {
  addDates,
  bodyOf,
  draftOf,
  sameDraft,
  toggleDay,
  type CalendarDraft,
  type Mark,
} from './calendar-draft';
import { dateProblems, type DateProblem } from './calendar-problems';
import { PasteBox } from './paste-box';
import { buildYearGrid } from './year-grid';
import { YearGridView } from './year-grid-view';

const t = zh.calendar;
const FIRST_YEAR = 2004;

const withoutYear = (all: Record<number, CalendarDraft>, year: number) =>
  Object.fromEntries(Object.entries(all).filter(([y]) => Number(y) !== year));

interface Outcome {
  year: number;
  draft: CalendarDraft;
  recomputed: number;
}

function yearOptions(thisYear: number, data: CalendarAnswer | null) {
  const last = Math.max(thisYear + 1, ...(data?.years.map((y) => y.year) ?? []));
  return Array.from({ length: last - FIRST_YEAR + 1 }, (_, i) => last - i).map((y) => ({
    value: y,
    label: `${y} 年`,
  }));
}

/**
 * 工作日历: the official arrangement of each year (admins enter next year's when the State Council's
 * notice appears; everyone else reads it). Typed drafts are kept per year, through errors and year
 * changes; saving needs a preview of exactly what is saved, so the admin has seen how many
 * deadlines will move.
 */
export default function CalendarPage({ today = () => beijingDate(new Date()) }: { today?: () => string }) {
  const { message } = App.useApp();
  const editable = isAdmin(useSession());
  const todayDate = today();
  const thisYear = Number(todayDate.slice(0, 4));
  const { data, error, reload } = useLoad(() => api.calendar(), 'calendar');
  const [year, setYear] = useState<number | null>(null);
  const [drafts, setDrafts] = useState<Record<number, CalendarDraft>>({});
  const [mark, setMark] = useState<Mark>('off');
  const [preview, setPreview] = useState<Outcome | null>(null);
  const [saved, setSaved] = useState<Outcome | null>(null);
  const [problems, setProblems] = useState<DateProblem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const nextYear = thisYear + 1;
  const nextMissing = data !== null && !data.years.some((y) => y.year === nextYear);
  const shown = year ?? (nextMissing ? nextYear : thisYear);
  const stored = data?.years.find((y) => y.year === shown);
  const draft = drafts[shown] ?? draftOf(shown, stored);
  const months = useMemo(
    () => buildYearGrid(shown, { off: new Set(draft.off), makeup: new Set(draft.makeup) }),
    [shown, draft.off, draft.makeup],
  );
  const bad = useMemo(() => new Set(problems.flatMap((p) => (p.date ? [p.date] : []))), [problems]);

  const edit = useCallback(
    (change: (d: CalendarDraft) => CalendarDraft) =>
      setDrafts((all) => ({ ...all, [shown]: change(all[shown] ?? draftOf(shown, stored)) })),
    [shown, stored],
  );
  const onToggle = useCallback((date: string) => edit((d) => toggleDay(d, date, mark)), [edit, mark]);

  async function send(dryRun: boolean) {
    setBusy(true);
    setFailure(null);
    try {
      const answer = await api.saveCalendarYear(shown, bodyOf(draft), dryRun);
      setProblems([]);
      const outcome = { year: shown, draft, recomputed: answer.recomputed };
      if (dryRun) return setPreview(outcome);
      setSaved(outcome);
      setPreview(null);
      message.success(t.saved(answer.recomputed));
      setDrafts((all) => withoutYear(all, shown));
      await reload();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'VALIDATION_FAILED') setProblems(dateProblems(err.fields));
      else setFailure(errorText(err));
      setPreview(null);
    } finally {
      setBusy(false);
    }
  }

  const previewed = preview?.year === shown && sameDraft(preview.draft, draft) ? preview : null;
  const savedHere = saved?.year === shown ? saved : null;
  const nextNote = todayDate.slice(5) >= '11-01' ? 'warning' : 'info';

  return (
    <>
      <PageHeader title={t.heading} help={t.help} error={error} />
      <Space direction="vertical" size={12} style={{ width: '100%', marginBottom: 16 }}>
        {data && (
          <Typography.Text data-testid="covered-through">
            {t.coveredThrough(data.coveredThrough)}
          </Typography.Text>
        )}
        {nextMissing && <Alert type={nextNote} showIcon message={t.nextYearMissing(nextYear)} />}
        {!editable && <Alert type="info" showIcon message={t.readOnly} />}
      </Space>
      <Row gutter={16} wrap={false}>
        <Col flex="auto">
          <Space style={{ marginBottom: 12 }} wrap>
            <label htmlFor="calendar-year">{t.year}</label>
            <Select
              id="calendar-year"
              value={shown}
              onChange={(y) => {
                setYear(y);
                setProblems([]);
              }}
              options={yearOptions(thisYear, data)}
              style={{ width: 120 }}
            />
            {editable && (
              <>
                <span id="calendar-mark">{t.markAs}</span>
                <Segmented<Mark>
                  aria-labelledby="calendar-mark"
                  value={mark}
                  onChange={setMark}
                  options={[
                    { value: 'off', label: t.markOff },
                    { value: 'makeup', label: t.markMakeup },
                  ]}
                />
              </>
            )}
          </Space>
          <Typography.Paragraph type="secondary">
            {stored ? t.yearStored(stored.source) : t.yearNew}
            {'　'}
            {t.counts(draft.off.length, draft.makeup.length)}
          </Typography.Paragraph>
          <YearGridView months={months} editable={editable} onToggle={onToggle} bad={bad} />
        </Col>
        {editable && (
          <Col flex="360px">
            <Card size="small" title={`${shown} 年安排`} data-testid="calendar-form">
              <Space direction="vertical" size={16} style={{ width: '100%' }}>
                <Space direction="vertical" style={{ width: '100%' }}>
                  <label htmlFor="calendar-source">{t.source}</label>
                  <Input.TextArea
                    id="calendar-source"
                    value={draft.source}
                    maxLength={200}
                    autoSize={{ minRows: 2 }}
                    placeholder={t.sourcePlaceholder}
                    onChange={(e) => edit((d) => ({ ...d, source: e.target.value }))}
                  />
                </Space>
                <PasteBox onAdd={(dates, m) => edit((d) => addDates(d, dates, m))} />
                {problems.length > 0 && (
                  <Alert
                    type="error"
                    showIcon
                    role="alert"
                    data-testid="calendar-problems"
                    message={t.problemsTitle}
                    description={
                      <ul style={{ margin: 0, paddingLeft: 20 }}>
                        {problems.map((p, i) => (
                          <li key={i}>{p.text}</li>
                        ))}
                      </ul>
                    }
                  />
                )}
                {failure && <Alert type="error" showIcon role="alert" message={failure} />}
                {previewed && (
                  <Alert type="info" showIcon role="status" message={t.previewResult(previewed.recomputed)} />
                )}
                {savedHere && !previewed && (
                  <Alert type="success" showIcon role="status" message={t.saved(savedHere.recomputed)} />
                )}
                <Space wrap>
                  <Button onClick={() => void send(true)} loading={busy && !previewed}>
                    {t.preview}
                  </Button>
                  <Button
                    type="primary"
                    disabled={!previewed}
                    loading={busy && Boolean(previewed)}
                    onClick={() => void send(false)}
                  >
                    {t.save}
                  </Button>
                </Space>
                {!previewed && (
                  <Typography.Text type="secondary">
                    {preview ? t.previewStale : t.previewFirst}
                  </Typography.Text>
                )}
              </Space>
            </Card>
          </Col>
        )}
      </Row>
    </>
  );
}
