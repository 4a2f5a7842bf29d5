import { z } from 'zod';
import { optionalDateField } from '@/lib/api/date-field';
import { optionalTextField, textField } from '@/lib/api/text-field';

export const ARTICLE_FORMATS = ['text', 'markdown', 'html'] as const;

const httpUrl = optionalTextField('url', { max: 2000 }).refine((v) => v == null || /^https?:\/\/\S+$/i.test(v), 'url must be an http(s) URL');

export const articleContentSchema = z.strictObject({
  format: z.enum(ARTICLE_FORMATS, { message: `format must be one of: ${ARTICLE_FORMATS.join(', ')}` }),
  // Verbatim: the parser decides what whitespace means; NFC happens when the text is made canonical.
  content: textField('content', { max: 1_000_000, verbatim: true }),
});

export const createArticleSchema = articleContentSchema.extend({
  title: optionalTextField('title', { max: 300 }),
  outlet: optionalTextField('outlet', { max: 200 }),
  byline: optionalTextField('byline', { max: 300 }),
  publishedAt: optionalDateField('publishedAt'),
  url: httpUrl,
});

export type CreateArticleInput = z.output<typeof createArticleSchema>;
export type ArticleContentInput = z.output<typeof articleContentSchema>;
