import 'server-only';
import { forbidden } from '@/lib/api/app-error';
import type { Actor } from '@/lib/core/actor';
import { canChangeDeskSettings } from '@/lib/core/permissions';
import type { Db } from '@/lib/db/server/prisma';
import { runWrite } from '@/lib/db/server/run-write';
import type { DeskSettingsDto } from '@/lib/review/desk-settings-dto';
import type { DeskSettingsPatch } from '@/lib/review/review-schemas';

export async function updateDeskSettings(db: Db, actor: Actor, patch: DeskSettingsPatch): Promise<DeskSettingsDto> {
  const decision = canChangeDeskSettings(actor);
  if (!decision.ok) throw forbidden(decision.reason);
  const row = await runWrite(db, actor, ({ tx }) => tx.deskSettings.upsert({ where: { id: 'desk' }, create: { id: 'desk', ...patch }, update: patch }));
  return { name: row.name, peerReview: row.peerReview, updatedAt: row.updatedAt.toISOString() };
}
