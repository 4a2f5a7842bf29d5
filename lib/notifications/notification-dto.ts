/** GET /api/notifications: replies and verdicts on my annotations, newest first. */
export type NotificationsDto = {
  unread: number;
  items: Array<{ kind: 'reply' | 'review'; id: string; annotationId: string; articleId: string; actor: { id: string; name: string }; summary: string; at: string; unread: boolean }>;
};
