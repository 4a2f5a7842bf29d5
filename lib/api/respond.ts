import { ZodError } from 'zod';
import { AppError } from '@/lib/api/app-error';
import { zodDetails } from '@/lib/api/zod-details';

export function json(data: unknown, status = 200, headers?: HeadersInit): Response {
  return Response.json(data, { status, headers });
}

/** Turns any thrown value into the API's JSON error shape; unexpected errors are not leaked (authedRoute logs them). */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    const headers: Record<string, string> = {};
    if (error.code === 'rate_limited' && typeof error.details === 'object' && error.details && 'retryAfterSeconds' in error.details) {
      headers['Retry-After'] = String((error.details as { retryAfterSeconds: number }).retryAfterSeconds);
    }
    return json({ error: { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) } }, error.status, headers);
  }
  if (error instanceof ZodError) {
    return json({ error: { code: 'validation_failed', message: 'The request is not valid.', details: zodDetails(error) } }, 400);
  }
  return json({ error: { code: 'internal', message: 'Something went wrong on the server. It has been logged.' } }, 500);
}
