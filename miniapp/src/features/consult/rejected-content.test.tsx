import { fireEvent, render, screen } from '@testing-library/react';
import { aMeta } from '../../../test/factories';
import { fakeApi, loggedIn } from '../../../test/fake-api';
import * as taro from '../../../test/stubs/taro';
import { ConsultPage } from './consult-page';

const REJECTED = {
  status: 422,
  body: {
    error: {
      code: 'CONTENT_REJECTED',
      message: 'This text cannot be published; please rewrite it without the flagged content',
      details: [{ path: 'facts', label: 20006 }],
    },
  },
};

describe('a consultation question that WeChat content security rejects', () => {
  afterEach(() => taro.__taro.reset());

  it('when a consultation question is rejected, then the message stands beside the question', async () => {
    loggedIn();
    fakeApi({
      'GET /meta': { body: aMeta() },
      'GET /faq': { body: { items: [] } },
      'POST /cases': {
        ...REJECTED,
        body: { error: { ...REJECTED.body.error, details: [{ path: 'question', label: 20006 }] } },
      },
    });
    render(<ConsultPage />);
    fireEvent.click(screen.getByText('没有找到答案？我要提问'));
    fireEvent.click(screen.getByText('预付卡消费'));
    fireEvent.change(screen.getByLabelText('您的问题'), {
      target: { value: '健身房关门了，预付卡的钱怎么要回来？' },
    });
    fireEvent.click(screen.getByText('提交咨询'));
    expect(await screen.findAllByText('这段文字含有不宜公开的内容，请修改后再提交')).not.toHaveLength(0);
    expect(document.getElementById('consult-question-error')).toHaveTextContent('这段文字含有不宜公开的内容');
  });
});
