// A brief input on its way to the heavy-work thread. Posting a 10,000-annotation BriefInput clones it
// in one go on the request thread (~80 ms); instead each part is serialized as it is loaded (one
// page of annotations at a time, the loader's queries in between) and the buffers are transferred,
// not copied. The thread deserializes and joins them.
import 'server-only';
import { deserialize, serialize } from 'node:v8';
import type { BriefInput } from '@/lib/export/brief-input';
import { joinBriefPages, type BriefHead, type BriefPage } from '@/lib/export/brief-pages';
import type { BriefSource } from '@/lib/export/server/load-brief-input';

export type PackedBrief = { head: ArrayBuffer; pages: ArrayBuffer[] };

/** An ArrayBuffer of its own: a Buffer may be a view into a shared pool, which must never be transferred. */
function ownBuffer(value: unknown): ArrayBuffer {
  const b = serialize(value);
  if (b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer) return b.buffer;
  const copy = new ArrayBuffer(b.byteLength);
  new Uint8Array(copy).set(b);
  return copy;
}

/** Reads the source's pages and serializes each as it comes. `transferList` is what to pass to the pool. */
export async function packBrief(source: BriefSource): Promise<{ packed: PackedBrief; transferList: ArrayBuffer[] }> {
  const head = ownBuffer(source.head);
  const pages: ArrayBuffer[] = [];
  for await (const page of source.pages) pages.push(ownBuffer(page));
  return { packed: { head, pages }, transferList: [head, ...pages] };
}

/** In the heavy-work thread: the BriefInput again. */
export function unpackBrief(packed: PackedBrief): BriefInput {
  const head = deserialize(new Uint8Array(packed.head)) as BriefHead;
  return joinBriefPages(head, packed.pages.map((p) => deserialize(new Uint8Array(p)) as BriefPage));
}
