export type ReplyDto = {
  id: string;
  annotationId: string;
  parentId: string | null;
  /** Empty once deleted: a deleted reply stays in the thread (its children keep their place) but its text is gone. */
  body: string;
  author: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
};

export const replyDtoSelect = {
  id: true,
  annotationId: true,
  parentId: true,
  body: true,
  createdAt: true,
  updatedAt: true,
  deletedAt: true,
  author: { select: { id: true, name: true } },
} as const;

type ReplyRow = {
  id: string;
  annotationId: string;
  parentId: string | null;
  body: string;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  author: { id: string; name: string };
};

export function toReplyDto(row: ReplyRow): ReplyDto {
  return {
    id: row.id,
    annotationId: row.annotationId,
    parentId: row.parentId,
    body: row.deletedAt ? '' : row.body,
    author: row.author,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deletedAt: row.deletedAt?.toISOString() ?? null,
  };
}
