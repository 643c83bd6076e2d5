import { Alert, Button, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { zh } from '../../i18n/zh-Hans';
import type { Mark } from './calendar-draft';
import { parsePastedDates } from './date-paste';

const t = zh.calendar;

/**
 * Dates pasted from the notice go into the days off or the make-up days at once; what is not a
 * date stays in the box, named, for the admin to fix.
 */
export function PasteBox({ onAdd }: { onAdd(dates: string[], mark: Mark): void }) {
  const [text, setText] = useState('');
  const [result, setResult] = useState<{ added: number; bad: string[] } | null>(null);
  function add(mark: Mark) {
    const { dates, bad } = parsePastedDates(text);
    if (dates.length) onAdd(dates, mark);
    setText(bad.join('\n'));
    setResult({ added: dates.length, bad });
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <label htmlFor="calendar-paste">{t.paste}</label>
      <Typography.Text type="secondary" id="calendar-paste-help">
        {t.pasteHelp}
      </Typography.Text>
      <Input.TextArea
        id="calendar-paste"
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-describedby="calendar-paste-help"
        autoSize={{ minRows: 3, maxRows: 8 }}
      />
      <Space wrap>
        <Button onClick={() => add('off')} disabled={!text.trim()}>
          {t.pasteOff}
        </Button>
        <Button onClick={() => add('makeup')} disabled={!text.trim()}>
          {t.pasteMakeup}
        </Button>
      </Space>
      {result && (
        <Alert
          type={result.bad.length ? 'warning' : 'success'}
          showIcon
          role="status"
          message={[
            result.added ? t.pasteAdded(result.added) : null,
            result.bad.length ? t.pasteBad(result.bad.join('、')) : null,
          ]
            .filter(Boolean)
            .join('；')}
        />
      )}
    </Space>
  );
}
