import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import consoleCss from '../../global.css?raw';
import { listItemOf } from '../../test/factories';
import { renderConsole } from '../../test/render';
import { QueueTable, type QueueTableProps } from './queue-table';

function setup(props: Partial<QueueTableProps> = {}) {
  const onSort = vi.fn();
  const onSelect = vi.fn();
  const items = props.items ?? [];
  renderConsole(
    <QueueTable
      items={items}
      loading={false}
      sort="created"
      onSort={onSort}
      selected={[]}
      onSelect={onSelect}
      {...props}
    />,
  );
  return { onSort, onSelect };
}
const row = (caseNo: string) => document.querySelector<HTMLElement>(`tr[data-case-no="${caseNo}"]`)!;
const days = (workingDaysLeft: number) => ({
  nextDeadline: { kind: 'acceptance' as const, dueAt: '2026-12-10T23:59:59+08:00', workingDaysLeft },
});

/** The console's own stylesheet in the document, so computed styles are the ones a browser paints. */
function withConsoleStyles() {
  const style = document.createElement('style');
  style.textContent = consoleCss;
  document.head.append(style);
}
afterEach(() => document.head.querySelectorAll('style').forEach((s) => s.remove()));
const striped = (tr: HTMLElement) =>
  [...tr.querySelectorAll('td')].filter((td) => /inset/.test(getComputedStyle(td).boxShadow));

describe('queue table', () => {
  it('when rows are overdue, due today or due soon, then each carries one deadline stripe, on its first cell', () => {
    withConsoleStyles();
    const rows = [listItemOf(days(-1)), listItemOf(days(0)), listItemOf(days(1))];
    setup({ items: [...rows, listItemOf(days(6))] });
    for (const r of rows) {
      const cells = striped(row(r.caseNo));
      expect(cells, r.caseNo).toHaveLength(1);
      expect(cells[0]).toBe(row(r.caseNo).querySelector('td'));
    }
  });

  it('when rows are overdue, due today, due soon or later, then each is coloured by its deadline', () => {
    const overdue = listItemOf(days(-2));
    const today = listItemOf(days(0));
    const soon = listItemOf(days(2));
    const later = listItemOf(days(5));
    const none = listItemOf({ nextDeadline: null });
    setup({ items: [overdue, today, soon, later, none] });
    expect(row(overdue.caseNo)).toHaveClass('row-overdue');
    expect(row(today.caseNo)).toHaveClass('row-today');
    expect(row(soon.caseNo)).toHaveClass('row-soon');
    for (const r of [later, none]) {
      expect(row(r.caseNo).className).not.toMatch(/row-(overdue|today|soon)/);
    }
    expect(row(overdue.caseNo)).toHaveTextContent('超期 2 个工作日');
    expect(row(today.caseNo)).toHaveTextContent('今日到期');
    expect(row(later.caseNo)).toHaveTextContent('剩 5 个工作日');
  });

  it('when a row shows a staff list item, then it names the assignee, channel and links to the case page', () => {
    const item = listItemOf({ assignee: { id: 's1', displayName: '林承办' }, channel: 'phone' });
    setup({ items: [item] });
    expect(row(item.caseNo)).toHaveTextContent('林承办');
    expect(row(item.caseNo)).toHaveTextContent('电话');
    expect(row(item.caseNo).querySelector('a')).toHaveAttribute('href', `/cases/${item.id}`);
  });

  it('when a row is ticked, then its id is selected', () => {
    const a = listItemOf();
    const b = listItemOf();
    const { onSelect } = setup({ items: [a, b] });
    fireEvent.click(screen.getByLabelText(`选择 ${a.caseNo}`));
    expect(onSelect).toHaveBeenLastCalledWith([a.id]);
  });

  it('when the deadline column header is clicked, then the list is sorted by due date', () => {
    const { onSort } = setup({ items: [listItemOf()] });
    fireEvent.click(screen.getByText('期限'));
    expect(onSort).toHaveBeenCalledWith('due');
  });
});
