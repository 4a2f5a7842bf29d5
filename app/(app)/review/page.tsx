import type { Metadata } from 'next';
import { ReviewQueue } from '@/components/review/review-queue';
import { requirePageActor } from '@/lib/auth/server/page-actor';

export const metadata: Metadata = { title: 'Review queue' };

export default async function ReviewQueuePage() {
  const actor = await requirePageActor();
  return (
    <div className="page stack">
      <h1>Review queue</h1>
      <ReviewQueue currentUser={{ id: actor.id, name: actor.name }} />
    </div>
  );
}
