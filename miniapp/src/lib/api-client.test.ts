import { fakeApi, loggedIn, networkDown } from '../../test/fake-api';
import { ApiError, apiRequest, setSessionLostHandler } from './api-client';
import { network } from './network';
import { getSession } from './session';

describe('api client', () => {
  it('when the access token has expired, then it refreshes once and retries with the new token', async () => {
    loggedIn();
    const api = fakeApi({
      'GET /me': (s) =>
        s.header.Authorization === 'Bearer fresh'
          ? { body: { ok: true } }
          : { status: 401, body: { error: { code: 'UNAUTHENTICATED', message: 'token expired' } } },
      'POST /auth/refresh': {
        body: {
          accessToken: 'fresh',
          refreshToken: 'r2',
          expiresIn: 900,
          user: { id: 'u', role: 'consumer' },
        },
      },
    });
    await expect(apiRequest('/me')).resolves.toEqual({ ok: true });
    expect(api.calls('POST', '/auth/refresh')[0].body).toEqual({ refreshToken: 'consumer-refresh' });
    expect(getSession('consumer')?.refreshToken).toBe('r2');
  });

  it('when the refresh fails too, then the session is dropped and the app is sent back to login', async () => {
    loggedIn();
    const lost = jest.fn();
    setSessionLostHandler(lost);
    fakeApi({
      'GET /me': { status: 401, body: { error: { code: 'UNAUTHENTICATED', message: '请重新登录' } } },
      'POST /auth/refresh': { status: 401, body: { error: { code: 'UNAUTHENTICATED', message: 'spent' } } },
    });
    await expect(apiRequest('/me')).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: '请重新登录' });
    expect(lost).toHaveBeenCalledWith('consumer');
    expect(getSession('consumer')).toBeUndefined();
  });

  it('when the server answers an error, then its code and message reach the caller', async () => {
    fakeApi({
      'POST /cases': {
        status: 409,
        body: { error: { code: 'IDEMPOTENCY_KEY_REUSED', message: '同一个幂等键用于了不同的内容' } },
      },
    });
    const err = await apiRequest('/cases', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      status: 409,
      message: '同一个幂等键用于了不同的内容',
    });
  });

  it('when the network is down, then the offline flag rises and falls back when a request succeeds', async () => {
    fakeApi({ 'GET /meta': networkDown });
    await expect(apiRequest('/meta', { auth: 'none' })).rejects.toMatchObject({ code: 'NETWORK' });
    expect(network.get().offline).toBe(true);
    fakeApi({ 'GET /meta': { body: {} } });
    await apiRequest('/meta', { auth: 'none' });
    expect(network.get().offline).toBe(false);
  });

  it('when acting as merchant, then the merchant token is sent, not the consumer one', async () => {
    loggedIn('consumer');
    loggedIn('merchant');
    const api = fakeApi({ 'GET /cases': { body: { items: [], nextCursor: null } } });
    await apiRequest('/cases', { auth: 'merchant' });
    expect(api.sent[0].header.Authorization).toBe('Bearer merchant-access');
  });
});
