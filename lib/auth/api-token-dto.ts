/** A personal API token as GET /api/tokens lists it: only its prefix, the secret is shown once at creation. */
export type ApiTokenDto = { id: string; label: string; prefix: string; createdAt: string; lastUsedAt: string | null; expiresAt: string | null; revokedAt: string | null };

/** POST /api/tokens: the new token and its secret (never stored, never shown again). */
export type CreatedApiTokenDto = { token: Pick<ApiTokenDto, 'id' | 'prefix' | 'label' | 'expiresAt'>; secret: string };
