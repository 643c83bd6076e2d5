import type { PresenceViewer } from '@weiquan/shared';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBff } from '../../test/fake-bff';
import { caseViewOf } from '../../test/factories';
import { renderConsole } from '../../test/render';
import CasePage from './case-page';

const zhang: PresenceViewer = {
  id: '00000000-0000-4000-8000-00000000b001',
  displayName: '张三',
  since: '2026-12-01T02:00:00.000Z',
  acting: true,
};

/** The case page against a BFF answering the case and, on each heartbeat, these colleagues. */
function openCase(viewers: PresenceViewer[]) {
  const c = caseViewOf({ allowedActions: ['message'] });
  const beats: Array<{ acting?: boolean }> = [];
  fakeBff({
    [`GET /cases/${c.id}`]: () => c,
    [`POST /staff/cases/${c.id}/presence`]: (_url, init) => {
      beats.push(JSON.parse(String(init?.body)));
      return { viewers };
    },
    'GET /staff/accounts': () => ({ items: [] }),
    'GET /staff/templates': () => ({ items: [] }),
  });
  renderConsole(
    <Routes>
      <Route path="/cases/:id" element={<CasePage />} />
    </Routes>,
    { route: `/cases/${c.id}` },
  );
  return { c, beats };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('case page presence', () => {
  it('when another handler is acting on the case, then a warning says 张三 正在处理此案件', async () => {
    const { beats } = openCase([zhang, { ...zhang, id: 'x', displayName: '李四', acting: false }]);
    const banner = await screen.findByTestId('presence-banner');
    expect(banner).toHaveTextContent('张三 正在处理此案件');
    expect(banner).toHaveTextContent('李四 正在查看此案件');
    expect(beats[0]).toEqual({ acting: false });
  });

  it('when nobody else is on the case, then no warning shows', async () => {
    const { c, beats } = openCase([]);
    await screen.findByRole('heading', { name: `投诉 ${c.caseNo}` });
    await waitFor(() => expect(beats.length).toBeGreaterThan(0));
    expect(screen.queryByTestId('presence-banner')).toBeNull();
  });

  it('when the handler opens an action form, then the next beat goes at once and says they are acting', async () => {
    const { c, beats } = openCase([]);
    await screen.findByRole('heading', { name: `投诉 ${c.caseNo}` });
    fireEvent.click(document.querySelector('button[data-action="message"]')!);
    await waitFor(() => expect(beats.at(-1)).toEqual({ acting: true }));
  });
});
