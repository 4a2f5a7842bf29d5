// The brief's data is loaded in pages (keyset on start, end, createdAt, id) and handed to the
// heavy-work thread as serialized buffers: both must give exactly the brief one query gave, for an
// article of many pages with ties in the order, deleted rows, reviews, replies and earlier checks.
import { beforeAll, describe, expect, it } from 'vitest';
import * as exportRoute from '@/app/api/articles/[id]/export/route';
import { describeRange } from '@/lib/anchoring';
import { getDb } from '@/lib/db/server/prisma';
import { joinBriefPages, type BriefPage } from '@/lib/export/brief-pages';
import { inBriefSnapshot, loadBriefInput, openBriefSource } from '@/lib/export/server/load-brief-input';
import { packBrief, unpackBrief } from '@/lib/export/server/packed-brief';
import { callRouteRaw } from '@/tests/support/call-route';
import { createReply, createReview, createTestUser, demoArticle, resetDatabase, type TestUser } from '@/tests/support/fixtures';

const NOW = new Date('2026-03-01T12:00:00Z');

async function load(articleId: string, actor: TestUser, pageSize: number) {
  const { head, pages } = await openBriefSource(getDb(), articleId, actor, { now: NOW, pageSize });
  const all: BriefPage[] = [];
  for await (const page of pages) all.push(page);
  return { brief: joinBriefPages(head, all), pages: all.length };
}

describe('brief input in pages', () => {
  let analyst: TestUser;
  let articleId: string;
  let liveIds: string[];

  beforeAll(async () => {
    await resetDatabase();
    const db = getDb();
    analyst = await createTestUser('ANALYST', { name: 'Paging Analyst' });
    const reviewer = await createTestUser('REVIEWER', { name: 'Paging Reviewer' });
    const { article, version } = await demoArticle();
    articleId = article.id;
    const tags = await db.sourceTag.findMany({ where: { archivedAt: null }, orderBy: { sortOrder: 'asc' } });
    const words = [...version.text.matchAll(/\p{L}{4,}/gu)].slice(0, 20);
    const tied = new Date('2026-01-01T00:00:00Z');
    const created = [];
    for (const [i, w] of words.entries()) {
      // Three annotations on the same span with the same createdAt: only the id orders them.
      for (let k = 0; k < (i % 4 === 0 ? 3 : 1); k++) {
        created.push(
          await db.annotation.create({
            data: {
              articleId,
              versionId: version.id,
              authorId: analyst.id,
              tagId: tags[k % tags.length]!.id,
              ...describeRange(version.text, w.index, w.index + w[0].length),
              note: `note ${i}.${k}`,
              createdAt: i % 4 === 0 ? tied : new Date(tied.getTime() + i * 1000),
              ...(i === 7 ? { deletedAt: new Date() } : {}),
            },
          }),
        );
      }
    }
    for (const a of created.slice(0, 6)) {
      await createReview(a, reviewer, 'AGREE', { comment: `ok ${a.id}` });
      await createReply(a, reviewer, `reply on ${a.id}`);
    }
    const gone = await createReply(created[1]!, analyst, 'a reply that was deleted');
    await db.reply.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
    // An earlier check this article restates ("previously checked in …").
    await db.annotation.update({ where: { id: created[2]!.id }, data: { matchOfId: created[3]!.id } });
    liveIds = created.filter((a) => !a.deletedAt).map((a) => a.id);
  });

  it('gives the same brief in pages of 1, 4 and 7 as in one page, in the brief order, each annotation once', async () => {
    const one = await load(articleId, analyst, 10_000);
    expect(one.pages).toBe(1);
    expect(one.brief.annotations.map((a) => a.id).sort()).toEqual([...liveIds].sort());
    // The order the brief has always had (start, end, createdAt), with the id breaking ties.
    const order = [...one.brief.annotations].sort((a, b) => a.start - b.start || a.end - b.end || a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
    expect(one.brief.annotations.map((a) => a.id)).toEqual(order.map((a) => a.id));
    expect(one.brief.annotations.filter((a) => a.reviews.length === 1 && a.replies.length === 1)).toHaveLength(6);
    expect([...one.brief.previousChecks!.keys()]).toHaveLength(1);
    for (const size of [1, 4, 7]) {
      const paged = await load(articleId, analyst, size);
      expect(paged.pages, `pages of ${size}`).toBe(Math.ceil(liveIds.length / size));
      expect(paged.brief, `pages of ${size}`).toEqual(one.brief);
    }
    // What the brief page renders is the same data.
    expect(await loadBriefInput(getDb(), articleId, analyst, NOW)).toEqual(one.brief);
  });

  it('comes out of its serialized buffers as it went in (dates, the map of earlier checks)', async () => {
    const expected = await loadBriefInput(getDb(), articleId, analyst, NOW);
    const { packed, transferList } = await packBrief(await openBriefSource(getDb(), articleId, analyst, { now: NOW, pageSize: 5 }));
    expect(packed.pages).toHaveLength(Math.ceil(liveIds.length / 5));
    expect(transferList).toEqual([packed.head, ...packed.pages]);
    const back = unpackBrief(structuredClone(packed, { transfer: transferList }));
    expect(back).toEqual(expected);
    expect(back.annotations[0]!.createdAt).toBeInstanceOf(Date);
    expect(back.previousChecks).toBeInstanceOf(Map);
    // Transferred, not copied: the request thread no longer holds the bytes.
    expect(transferList.every((b) => b.byteLength === 0)).toBe(true);
  });

  it('reads every page from one snapshot: a change committed between two pages is not half in the brief', async () => {
    const db = getDb();
    const before = await loadBriefInput(db, articleId, analyst, NOW);
    try {
      const paged = await inBriefSnapshot(db, async (tx) => {
        const { head, pages } = await openBriefSource(tx, articleId, analyst, { now: NOW, pageSize: 5 });
        const all: BriefPage[] = [];
        for await (const page of pages) {
          all.push(page);
          // Another request's write, committed while the brief is half read.
          if (all.length === 1) await db.annotation.updateMany({ where: { articleId }, data: { note: 'changed meanwhile' } });
        }
        return joinBriefPages(head, all);
      });
      expect(paged).toEqual(before);
      expect((await loadBriefInput(db, articleId, analyst, NOW)).annotations.every((a) => a.note === 'changed meanwhile')).toBe(true);
    } finally {
      for (const a of before.annotations) await db.annotation.update({ where: { id: a.id }, data: { note: a.note } });
    }
  });

  it('exports the same file whether the heavy-work thread reads the data (its own connection) or the request thread reads and moves it (embedded database)', async () => {
    const exportAs = async (format: string) => {
      const res = await callRouteRaw(exportRoute.GET, `/api/articles/${articleId}/export?format=${format}`, { token: analyst.token, params: { id: articleId } });
      expect(res.status, format).toBe(200);
      // The one value that differs between two exports is when each was prepared.
      return res.bytes.toString('utf8').replace(/"generated": "[^"]+"/, '"generated": "…"');
    };
    const inThread = { csv: await exportAs('csv'), jsonld: await exportAs('jsonld') };
    process.env.CLAIMDESK_EMBEDDED_DB = '1';
    try {
      expect(await exportAs('csv')).toBe(inThread.csv);
      expect(await exportAs('jsonld')).toBe(inThread.jsonld);
    } finally {
      delete process.env.CLAIMDESK_EMBEDDED_DB;
    }
    expect(inThread.csv.split('\n').filter((l) => l.trim()).length).toBeGreaterThan(liveIds.length);
  });
});
