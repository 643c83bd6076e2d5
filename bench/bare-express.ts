/** The ceiling: a bare Express 5 server answering {ok:true}, in its own process; prints {"port": n}. */
import express from 'express';

const app = express();
app.get('/', (_req, res) => void res.json({ ok: true }));
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }));
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
