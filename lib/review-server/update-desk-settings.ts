import { forbidden } from '@/lib/api/app-error';
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/db/prisma';
import type { DeskSettingsDto } from '@/lib/review-server/get-desk-settings';
import type { DeskSettingsPatch } from '@/lib/review-server/review-schemas';

export async function updateDeskSettings(db: Db, actor: Actor, patch: DeskSettingsPatch): Promise<DeskSettingsDto> {
  if (actor.role !== 'ADMIN') throw forbidden('Only a desk admin can change the desk settings.');
  const row = await db.deskSettings.upsert({ where: { id: 'desk' }, create: { id: 'desk', ...patch }, update: patch });
  return { name: row.name, peerReview: row.peerReview, updatedAt: row.updatedAt.toISOString() };
}
