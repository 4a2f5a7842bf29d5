export const LIVE_CHANNEL = 'claimdesk_live';
