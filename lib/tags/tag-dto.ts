/** A tag as the API returns it (`GET /api/tags`): archived tags are listed too, flagged, after the active ones. */
export type SourceTagDto = {
  id: string;
  key: string;
  label: string;
  color: string;
  description: string;
  sortOrder: number;
  archived: boolean;
};
