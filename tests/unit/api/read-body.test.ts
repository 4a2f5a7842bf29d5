import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readJson } from '@/lib/api/read-body';

const schema = z.strictObject({ note: z.string() });

function streamed(chunks: string[], { failAfter }: { failAfter?: number } = {}): Request {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (failAfter !== undefined && sent === failAfter) return controller.error(new Error('aborted'));
      if (sent === chunks.length) return controller.close();
      controller.enqueue(new TextEncoder().encode(chunks[sent++]!));
    },
  });
  return new Request('http://localhost/api/x', { method: 'POST', body, duplex: 'half' } as RequestInit);
}

describe('readJson', () => {
  it('reads a body that arrives in pieces', async () => {
    await expect(readJson(streamed(['{"no', 'te":"ok"}']), schema)).resolves.toEqual({ note: 'ok' });
  });

  it('answers 400 when the client hangs up mid-body', async () => {
    await expect(readJson(streamed(['{"note":'], { failAfter: 1 }), schema)).rejects.toMatchObject({
      code: 'validation_failed',
      message: 'The request body ended before it was complete.',
    });
  });

  it('answers 413 once a body without Content-Length passes the limit', async () => {
    await expect(readJson(streamed(['{"note":"', 'x'.repeat(600), '"}']), schema, 512)).rejects.toMatchObject({ code: 'payload_too_large' });
  });

  it('answers 400 on malformed JSON and unknown fields', async () => {
    await expect(readJson(streamed(['{"note":']), schema)).rejects.toMatchObject({ message: 'The request body is not valid JSON.' });
    await expect(readJson(streamed(['{"note":"a","extra":1}']), schema)).rejects.toMatchObject({ code: 'validation_failed' });
  });
});
