import { fireEvent, render, screen } from '@testing-library/react'
import { updateSettings } from '../../i18n'
import { fakeApi, loggedIn, networkDown } from '../../../test/fake-api'
import { HomePage } from './home'

const STATS = {
  from: '2025-12',
  to: '2026-11',
  totals: {
    received: { complaint: 1234, report: 5, consultation: 9 },
    acceptanceOnTimeRate: 0.995,
    completionRate: 0.9,
    mediationSuccessRate: 0.7,
    satisfaction: { average: 4.74, count: 100, share4or5: 0.9 },
    recoveredFen: 123456,
  },
}

describe('首页', () => {
  it('when logged in with unread notices, then the three entries, the unread badge and the public figures show', async () => {
    loggedIn()
    fakeApi({ 'GET /stats': { body: STATS }, 'GET /notifications': { body: { items: [], nextCursor: null, unreadCount: 3 } } })
    render(<HomePage />)
    expect(screen.getByText('我要投诉')).toBeInTheDocument()
    expect(screen.getByText('我的投诉')).toBeInTheDocument()
    expect(screen.getByText('商家入口')).toBeInTheDocument()
    expect(await screen.findByText('3 条未读')).toBeInTheDocument()
    expect(await screen.findByText('1234')).toBeInTheDocument()
    expect(screen.getByText('99.5%')).toBeInTheDocument()
    expect(screen.getByText('1234.56 元')).toBeInTheDocument()
  })

  it('when the API has no figures, then the card stays hidden; when the language changes, then the copy follows', async () => {
    fakeApi({})
    render(<HomePage />)
    expect(screen.queryByTestId('stats')).toBeNull()
    fireEvent.click(screen.getByText('我要投诉'))
    updateSettings({ lang: 'en' })
    expect(await screen.findByText('File a complaint')).toBeInTheDocument()
    updateSettings({ lang: 'zh-Hant' })
    expect(await screen.findByText('我要投訴')).toBeInTheDocument()
  })

  it('when the network is down, then the offline banner offers a retry that reloads the figures', async () => {
    fakeApi({ 'GET /stats': networkDown })
    render(<HomePage />)
    expect(await screen.findByText('网络已断开，填写的内容不会丢失')).toBeInTheDocument()
    fakeApi({ 'GET /stats': { body: STATS } })
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('1234')).toBeInTheDocument()
    expect(screen.queryByText('网络已断开，填写的内容不会丢失')).toBeNull()
  })
})
