import 'server-only';
import type { Db, Tx } from '@/lib/db/server/prisma';
import type { DeskSettingsDto } from '@/lib/review/desk-settings-dto';

/** The desk's settings; the defaults apply until the seed (or an admin) writes the row. */
export async function getDeskSettings(db: Db | Tx): Promise<DeskSettingsDto> {
  const row = await db.deskSettings.findUnique({ where: { id: 'desk' } });
  return { name: row?.name ?? 'Claimdesk', peerReview: row?.peerReview ?? true, updatedAt: (row?.updatedAt ?? new Date(0)).toISOString() };
}
