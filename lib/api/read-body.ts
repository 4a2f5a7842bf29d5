import type { z } from 'zod';
import { AppError } from '@/lib/api/app-error';
import { findUnstorable } from '@/lib/api/text-field';
import { zodDetails, zodSummary } from '@/lib/api/zod-details';

export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads at most `maxBytes` of the body; a larger body is refused with 413 before it is read whole. */
export async function readBytes(req: Request, maxBytes = MAX_BODY_BYTES): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    // A client that hangs up mid-body (a reload during a save) is a bad request, not a server error.
    const { done, value } = await reader.read().catch(() => {
      throw new AppError('validation_failed', 'The request body ended before it was complete.');
    });
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Reads at most MAX_BODY_BYTES of the body as UTF-8 text; larger bodies are refused with 413 before parsing. */
export async function readText(req: Request, maxBytes = MAX_BODY_BYTES): Promise<string> {
  return new TextDecoder().decode(await readBytes(req, maxBytes));
}

function tooLarge(maxBytes: number) {
  const size = maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / (1024 * 1024))} MB` : `${Math.round(maxBytes / 1024)} KB`;
  return new AppError('payload_too_large', `The request body is larger than ${size}.`, { limitBytes: maxBytes });
}

/** Parses a JSON body and validates it; every failure is a 4xx a person can act on. */
export async function readJson<S extends z.ZodType>(req: Request, schema: S, maxBytes = MAX_BODY_BYTES): Promise<z.output<S>> {
  const text = await readText(req, maxBytes);
  return parseWith(schema, text.length === 0 ? {} : parseJsonText(text));
}

/**
 * JSON.parse for a request body: not JSON → 400; any string in it that Postgres cannot store
 * (NUL, a lone surrogate) → 400 naming where, whatever the field and whatever the schema does next.
 */
export function parseJsonText(text: string, hint = ''): unknown {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const why = hint && error instanceof Error ? ` (${error.message})` : '';
    throw new AppError('validation_failed', `The request body is not valid JSON${why}.${hint ? ` ${hint}` : ''}`);
  }
  const bad = findUnstorable(raw);
  if (bad) throw new AppError('validation_failed', `${bad.message}.`, [bad]);
  return raw;
}

export function parseWith<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw);
  if (!result.success) throw new AppError('validation_failed', zodSummary(result.error), zodDetails(result.error));
  return result.data;
}

export function readQuery<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  const params = Object.fromEntries(new URL(req.url).searchParams.entries());
  const bad = findUnstorable(params);
  if (bad) throw new AppError('validation_failed', `Query parameter ${bad.message}.`, [bad]);
  return parseWith(schema, params);
}
