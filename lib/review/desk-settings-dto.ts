export type DeskSettingsDto = { name: string; peerReview: boolean; updatedAt: string };
