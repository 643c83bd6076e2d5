import type { BinaryReply } from './route-adapter';

/**
 * Streams CSV chunks as a download. The first chunk is awaited before the answer starts, so that
 * a refusal (bad period, audit not written) is still a proper error answer and not a cut-off file.
 */
export async function sendCsv(filename: string, chunks: AsyncGenerator<string>): Promise<BinaryReply> {
  const first = await chunks.next();
  return async (_req, res) => {
    res.type('text/csv; charset=utf-8').attachment(filename);
    res.write(first.value ?? '');
    for await (const chunk of chunks) res.write(chunk);
    res.end();
  };
}
