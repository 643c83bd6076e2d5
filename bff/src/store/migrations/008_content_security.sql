-- Content security: the per-app budget of WeChat's content-security calls, shared by every BFF
-- (msg_sec_check allows 4,000 a minute per app), and when WeChat last asked us to back off.
CREATE TABLE wechat_call_budget (
  api text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  count integer NOT NULL,
  backoff_until timestamptz
);
