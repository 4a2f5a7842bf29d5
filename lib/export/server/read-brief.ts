// A brief's data and options from the database: one snapshot, the head first (the tag filter needs
// the tag list), then every page. Run in a heavy-work thread with its own connection when the
// database allows one (export-brief.ts).
import 'server-only';
import type { Actor } from '@/lib/core/actor';
import type { Db } from '@/lib/db/server/prisma';
import type { BriefInput, BriefLayer, BriefOptions } from '@/lib/export/brief-input';
import { joinBriefPages, type BriefPage } from '@/lib/export/brief-pages';
import { parseBriefQuery } from '@/lib/export/export-options';
import { inBriefSnapshot, openBriefSource } from '@/lib/export/server/load-brief-input';

/**
 * What a thread needs to read a brief: plain data (it crosses to the thread). `withFormat: false`
 * reads the query as the brief page does (`format` ignored, not listed among the valid options).
 */
export type BriefRequest = { articleId: string; actor: Pick<Actor, 'id' | 'role' | 'name'>; query: string; layer: BriefLayer; now: Date; withFormat?: boolean };

export function readBrief(db: Db, { articleId, actor, query, layer, now, withFormat = true }: BriefRequest): Promise<{ brief: BriefInput; options: BriefOptions }> {
  return inBriefSnapshot(db, async (tx) => {
    const { head, pages } = await openBriefSource(tx, articleId, actor, { now, layer });
    const { options } = parseBriefQuery(new URLSearchParams(query), { withFormat, knownTags: head.tags.map((t) => t.key) });
    const all: BriefPage[] = [];
    for await (const page of pages) all.push(page);
    return { brief: joinBriefPages(head, all), options };
  });
}
