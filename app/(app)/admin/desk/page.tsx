import type { Metadata } from 'next';
import { DeletedAnnotations } from '@/components/review/deleted-annotations';
import { DeskSettingsForm } from '@/components/review/desk-settings-form';
import { requirePageActor } from '@/lib/auth/page-actor';
import { db } from '@/lib/db/prisma';
import { getDeskSettings } from '@/lib/review-server/get-desk-settings';

export const metadata: Metadata = { title: 'Desk settings' };

export default async function DeskPage() {
  const actor = await requirePageActor();
  if (actor.role !== 'ADMIN') {
    return (
      <div className="page">
        <h1>Desk</h1>
        <p className="form-error">Only a desk admin can change the desk settings.</p>
      </div>
    );
  }
  const desk = await getDeskSettings(db);
  return (
    <div className="page stack">
      <h1>Desk</h1>
      <DeskSettingsForm initial={desk} />
      <h2>Deleted annotations</h2>
      <DeletedAnnotations />
    </div>
  );
}
