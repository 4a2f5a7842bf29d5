import type { DbOrTx } from '@/lib/review-server/db-or-tx';

export type DeskSettingsDto = { name: string; peerReview: boolean; updatedAt: string };

/** The desk's settings; the defaults apply until the seed (or an admin) writes the row. */
export async function getDeskSettings(db: DbOrTx): Promise<DeskSettingsDto> {
  const row = await db.deskSettings.findUnique({ where: { id: 'desk' } });
  return { name: row?.name ?? 'Claimdesk', peerReview: row?.peerReview ?? true, updatedAt: (row?.updatedAt ?? new Date(0)).toISOString() };
}
