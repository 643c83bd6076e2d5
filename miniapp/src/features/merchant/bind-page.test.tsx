import { fireEvent, render, screen } from '@testing-library/react';
import { fakeApi, loggedIn } from '../../../test/fake-api';
import { updateSettings } from '../../i18n';
import { MerchantBindPage } from './bind-page';

const refused = (message: string) => ({
  status: 400,
  body: {
    error: {
      code: 'VALIDATION_FAILED',
      message: 'Invalid request',
      details: [{ path: 'bindingCode', message }],
    },
  },
});

describe('商家入口', () => {
  it('when the binding code is wrong, then the page says so in the person’s language, never "Invalid request"', async () => {
    loggedIn('consumer');
    fakeApi({ 'POST /merchant/bind': refused('unknown binding code') });
    render(<MerchantBindPage />);
    fireEvent.change(screen.getByLabelText('绑定码'), { target: { value: 'ABCD-EFGH-IJKL' } });
    fireEvent.click(screen.getByText('绑定'));
    expect(await screen.findByText('绑定码不正确，请核对 12315 发给贵店的绑定码')).toBeInTheDocument();
    expect(screen.queryByText('Invalid request')).toBeNull();
  });

  it('when the code is used up, then English readers are told to ask for a new one', async () => {
    loggedIn('consumer');
    updateSettings({ lang: 'en' });
    fakeApi({
      'POST /merchant/bind': refused(
        'this binding code has been used up; ask the 12315 centre for a new one',
      ),
    });
    render(<MerchantBindPage />);
    fireEvent.change(screen.getByLabelText('Binding code'), { target: { value: 'ABCD-EFGH-IJKL' } });
    fireEvent.click(screen.getByText('Bind'));
    expect(
      await screen.findByText('This binding code has been used up; ask 12315 for a new one'),
    ).toBeInTheDocument();
  });
});
