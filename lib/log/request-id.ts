// One id per request, in the `X-Request-Id` response header and every log line about it. A reverse
// proxy's id (nginx `$request_id`) is kept when it looks like one, so both logs can be joined.
export const REQUEST_ID_HEADER = 'x-request-id';

const ACCEPTED = /^[A-Za-z0-9._-]{8,64}$/;

export function requestIdFrom(headers: Headers): string {
  const incoming = headers.get(REQUEST_ID_HEADER);
  return incoming && ACCEPTED.test(incoming) ? incoming : crypto.randomUUID();
}

/** `/api/articles/cm4x…/annotations` → `/api/articles/:id/annotations`: the route, without the ids. */
export function routeOf(pathname: string): string {
  return pathname
    .split('/')
    .map((segment) => (/\d/.test(segment) && segment.length >= 16 ? ':id' : segment))
    .join('/');
}
