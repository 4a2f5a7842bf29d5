/** How long a session lasts from its sign-in, however often its cookie is refreshed: a stolen cookie expires too. */
export const SESSION_MAX_LIFETIME_S = 12 * 60 * 60;

/** Minting an API token needs a sign-in this recent, or the password again. */
export const FRESH_SIGN_IN_MS = 10 * 60 * 1000;

/** The expiries a new API token may have (days); none = until revoked. */
export const TOKEN_EXPIRY_DAYS = [7, 30, 90, 365] as const;
