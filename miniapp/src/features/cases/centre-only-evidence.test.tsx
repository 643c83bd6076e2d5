import { render, screen } from '@testing-library/react';
import { aCase } from '../../../test/factories';
import { fakeApi, loggedIn } from '../../../test/fake-api';
import * as taro from '../../../test/stubs/taro';
import { CaseDetailPage } from './case-detail';

const RECEIPT = '22222222-2222-4222-8222-222222222222';
const CHAT = '33333333-3333-4333-8333-333333333333';

// the merchant's case never carries such a photo (test/api/evidence-visibility.test.ts)
describe('只给12315看 on the consumer case page', () => {
  it('when the consumer opens the case, then the photo marked for the centre says 只给12315看', async () => {
    loggedIn();
    const c = aCase({
      attachments: [
        { id: RECEIPT, mime: 'image/png', size: 10 },
        { id: CHAT, mime: 'image/png', size: 10, centreOnly: true },
      ],
    });
    taro.__taro.setRouterParams({ id: c.id });
    fakeApi({ [`GET /cases/${c.id}`]: { body: c } });
    render(<CaseDetailPage />);
    const chat = await screen.findByRole('button', { name: '查看证据 2' });
    expect(chat).toHaveTextContent('只给12315看');
    expect(screen.getByRole('button', { name: '查看证据 1' })).not.toHaveTextContent('只给12315看');
  });
});
