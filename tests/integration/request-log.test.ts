// Structured request logs (lib/log/server): one line per API request with its id, user, route,
// status and duration; never a token, password, cookie or what the user wrote. X-Request-Id on the
// response is the id in the log.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as annotationsRoute from '@/app/api/articles/[id]/annotations/route';
import * as meRoute from '@/app/api/me/route';
import { authedRoute } from '@/lib/api/server/route';
import { captureLogs, logger } from '@/lib/log/server/logger';
import { callRoute, sessionCookieFor } from '@/tests/support/call-route';
import { createTestUser, demoArticle, resetDatabase, type TestUser } from '@/tests/support/fixtures';

let user: TestUser;
let capture: ReturnType<typeof captureLogs> | null = null;
beforeAll(async () => {
  await resetDatabase();
  user = await createTestUser('ANALYST');
});
afterEach(() => {
  capture?.restore();
  capture = null;
});

describe('request logs', () => {
  it('logs one line per request with request id, user id, route, status and duration, and returns the id as X-Request-Id', async () => {
    capture = captureLogs();
    const res = await callRoute(meRoute.GET, '/api/me', { token: user.token });
    expect(res.status).toBe(200);
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const lines = capture.lines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, reqId: id, userId: user.id, method: 'GET', route: '/api/me', status: 200 });
    expect(typeof lines[0]!.ms).toBe('number');
  });

  it('keeps a proxy-supplied request id, and replaces one that does not look like an id', async () => {
    capture = captureLogs();
    const kept = await callRoute(meRoute.GET, '/api/me', { token: user.token, headers: { 'x-request-id': 'nginx-7f3a9c01d2' } });
    expect(kept.headers.get('x-request-id')).toBe('nginx-7f3a9c01d2');
    const replaced = await callRoute(meRoute.GET, '/api/me', { token: user.token, headers: { 'x-request-id': 'a"}{"level":60 forged' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(capture.lines().map((l) => l.reqId)).toEqual(['nginx-7f3a9c01d2', replaced.headers.get('x-request-id')]);
  });

  it('logs refusals without the token, the cookie, the note or the quote', async () => {
    const { article, version } = await demoArticle();
    const cookie = await sessionCookieFor(user.id);
    capture = captureLogs();
    const note = 'CONFIDENTIAL-NOTE-do-not-log';
    const bad = await callRoute(annotationsRoute.POST, `/api/articles/${article.id}/annotations`, {
      method: 'POST',
      token: user.token,
      json: { versionId: version.id, start: 0, end: 5, exact: 'SECRET-QUOTE-not-in-text', tag: 'un', note },
      params: { id: article.id },
    });
    expect(bad.status).toBe(400);
    const anonymous = await callRoute(meRoute.GET, '/api/me', { token: 'cdk_bogus-token-value' });
    expect(anonymous.status).toBe(401);
    const withCookie = await callRoute(meRoute.GET, '/api/me', { cookie });
    expect(withCookie.status).toBe(200);
    const raw = capture.raw();
    expect(capture.lines().map((l) => [l.route, l.status])).toEqual([
      ['/api/articles/:id/annotations', 400],
      ['/api/me', 401],
      ['/api/me', 200],
    ]);
    for (const secret of [user.token, 'cdk_bogus-token-value', cookie.split('=')[1]!, note, 'SECRET-QUOTE', user.password]) expect(raw).not.toContain(secret);
    // The anonymous request has no user; the refused one names who was refused.
    expect(capture.lines()[1]!.userId).toBeNull();
    expect(capture.lines()[0]!.userId).toBe(user.id);
  });

  it('logs an unexpected error once, at error level with its stack, and answers 500 without it', async () => {
    capture = captureLogs();
    const failing = authedRoute(async () => {
      throw new Error('database exploded at line 42');
    });
    const res = await callRoute(failing, '/api/boom', { token: user.token });
    expect(res.status).toBe(500);
    expect(res.text).not.toContain('exploded');
    expect(res.headers.get('x-request-id')).toBeTruthy();
    const lines = capture.lines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, status: 500, reqId: res.headers.get('x-request-id'), userId: user.id });
    const err = lines[0]!.err as { message: string; stack: string };
    expect(err.message).toBe('database exploded at line 42');
    expect(err.stack).toContain('request-log.test.ts');
  });

  it('redacts credentials and user text wherever a log call puts them', () => {
    capture = captureLogs('debug');
    logger.info(
      { password: 'pw-1', token: 'tok-1', authorization: 'Bearer tok-2', headers: { authorization: 'Bearer tok-3', cookie: 'sid=tok-4' }, annotation: { note: 'note-1', exact: 'quote-1', id: 'a1' }, body: '{"password":"pw-2"}' },
      'something happened',
    );
    const raw = capture.raw();
    for (const secret of ['pw-1', 'tok-1', 'tok-2', 'tok-3', 'tok-4', 'note-1', 'quote-1', 'pw-2']) expect(raw).not.toContain(secret);
    expect(capture.lines()[0]).toMatchObject({ msg: 'something happened', annotation: { id: 'a1', note: '[redacted]' } });
  });
});
