import type { CaseListItem, QueuesAnswer } from '@weiquan/shared';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBff } from '../../test/fake-bff';
import { listItemOf } from '../../test/factories';
import { renderConsole } from '../../test/render';
import WorkbenchPage from './workbench-page';

const lin = { id: '00000000-0000-4000-8000-00000000a001', displayName: '林承办' };
const QUEUES: QueuesAnswer = {
  mine: 0,
  unassigned: 4,
  overdue: 0,
  dueToday: 0,
  dueSoon: 0,
  greenChannel: 0,
  supervised: 0,
  awaitingVisit: 0,
};

/** Six open cases, two of them assigned, answered as the BFF filters them (assignee, open). */
function deskOf(items: CaseListItem[]) {
  return fakeBff({
    'GET /staff/queues': () => QUEUES,
    'GET /staff/accounts': () => ({ items: [] }),
    'GET /staff/districts': () => ({
      items: [
        { name: '思明区', merchants: 3 },
        { name: '湖里区', merchants: 2 },
      ],
    }),
    'GET /cases': (url) => {
      const assignee = url.searchParams.get('assignee');
      return {
        items: items.filter((i) => (assignee === 'none' ? !i.assignee : true)),
        nextCursor: null,
      };
    },
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('workbench', () => {
  it('when the 未分配 queue is picked, then its list holds exactly the open unassigned cases its count says', async () => {
    const unassigned = Array.from({ length: 4 }, () => listItemOf({ assignee: null }));
    const assigned = Array.from({ length: 2 }, () => listItemOf({ assignee: lin }));
    const { requests } = deskOf([...unassigned, ...assigned]);
    renderConsole(<WorkbenchPage />, { route: '/?queue=unassigned' });

    await waitFor(() => expect(document.querySelectorAll('tr[data-testid="queue-row"]')).toHaveLength(4));
    expect(screen.getByTestId('queue-count-unassigned')).toHaveTextContent('4');
    expect(screen.queryByText('林承办')).toBeNull();
    const list = requests.find((u) => u.pathname.endsWith('/cases'))!;
    expect(Object.fromEntries(list.searchParams)).toMatchObject({ assignee: 'none', open: 'true' });
  });

  it('when a queue fixes the assignee, then the assignee filter shows it and cannot widen the list', async () => {
    deskOf([listItemOf()]);
    renderConsole(<WorkbenchPage />, { route: '/?queue=unassigned' });
    const select = await screen.findByLabelText('承办人', { selector: 'input' });
    expect(select).toBeDisabled();
  });

  it('when a district is picked, then the list is asked for the cases of merchants in that district', async () => {
    const { requests } = deskOf([listItemOf()]);
    renderConsole(<WorkbenchPage />);
    fireEvent.mouseDown(await screen.findByLabelText('区县', { selector: 'input' }));
    fireEvent.click(await screen.findByTitle('湖里区'));
    await waitFor(() =>
      expect(
        requests.some((u) => u.pathname.endsWith('/cases') && u.searchParams.get('district') === '湖里区'),
      ).toBe(true),
    );
  });
});
