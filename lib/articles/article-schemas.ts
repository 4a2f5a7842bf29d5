import { z } from 'zod';

export const ARTICLE_FORMATS = ['text', 'markdown', 'html'] as const;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => v === '' || /^https?:\/\//i.test(v), 'must be an http(s) URL')
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .optional();

const dateString = z
  .string()
  .trim()
  .refine((v) => v === '' || !Number.isNaN(Date.parse(v)), 'must be a date like 2026-11-25')
  .transform((v) => (v === '' ? null : new Date(v)))
  .nullable()
  .optional();

export const articleContentSchema = z.strictObject({
  format: z.enum(ARTICLE_FORMATS, { message: `format must be one of: ${ARTICLE_FORMATS.join(', ')}` }),
  content: z.string({ message: 'content must be a string' }).min(1, 'content is empty').max(1_000_000, 'content must be at most 1,000,000 characters'),
});

export const createArticleSchema = articleContentSchema.extend({
  title: optionalText(300),
  outlet: optionalText(200),
  byline: optionalText(300),
  publishedAt: dateString,
  url: httpUrl,
});

export type CreateArticleInput = z.output<typeof createArticleSchema>;
export type ArticleContentInput = z.output<typeof articleContentSchema>;
