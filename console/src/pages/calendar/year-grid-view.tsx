import { Typography } from 'antd';
import { memo } from 'react';
import { zh } from '../../i18n/zh-Hans';
import type { DayCell, MonthGrid } from './year-grid';

const t = zh.calendar;

interface Props {
  months: MonthGrid[];
  /** admins tick days; everyone else reads */
  editable: boolean;
  onToggle(date: string): void;
  /** dates the BFF refused, outlined */
  bad: ReadonlySet<string>;
}

function Day({ cell, editable, onToggle, bad }: { cell: DayCell } & Omit<Props, 'months'>) {
  const className = `cal-day cal-${cell.kind}${bad.has(cell.date) ? ' cal-bad' : ''}`;
  const marker = cell.kind === 'off' ? t.legend.off : cell.kind === 'makeup' ? t.legend.makeup : null;
  const label = t.dayLabel(cell.date, t.kindLabel[cell.kind]);
  // The full date and kind as hidden text after the visible day and mark (not an aria-label): the
  // name then holds what is seen, as WCAG 2.5.3 asks of a control.
  const content = (
    <>
      <span className="cal-num">{cell.day}</span>
      {marker && <span className="cal-marker">{marker}</span>}
      <span className="visually-hidden"> {label}</span>
    </>
  );
  if (!editable) return <span className={className}>{content}</span>;
  return (
    <button type="button" className={className} data-date={cell.date} onClick={() => onToggle(cell.date)}>
      {content}
    </button>
  );
}

/** Twelve month tables, weeks from Monday; each day a button for an admin to tick. */
export const YearGridView = memo(function YearGridView({ months, ...rest }: Props) {
  return (
    <div className="cal-year" data-testid="calendar-grid">
      {months.map((m) => (
        <table key={m.month} className="cal-month">
          <caption>
            <Typography.Text strong>{t.month(m.month)}</Typography.Text>
          </caption>
          <thead>
            <tr>
              {t.weekdays.map((w) => (
                <th key={w} scope="col">
                  {w}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {m.weeks.map((week, i) => (
              <tr key={i}>
                {week.map((cell, j) => (
                  <td key={j}>{cell && <Day cell={cell} {...rest} />}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
});
