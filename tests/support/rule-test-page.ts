// A small saved page for the saved-page rule tests (web-page-furniture-*.test.ts): the rule under test
// goes into its body, around three invented paragraphs of a health-board story.
import { importDocument } from '@/lib/documents/server/import-document';

export const importHtml = (html: string) => importDocument({ kind: 'text', text: html, format: 'html' });

export const clinicPage = (body: string, head = '', title = 'Clinic plan published | The Courier') =>
  `<!DOCTYPE html><html><head><title>${title}</title>${head}</head><body><nav><a href="/">Home</a></nav><main><article><h1>Clinic plan published</h1>${body}</article></main></body></html>`;

export const CLINIC_PARAGRAPHS = [
  'The health board published its plan for the three rural clinics on Thursday, a week later than it had promised.',
  'The clinics at Cwmdu, Llanfor and Pentre Isaf see about 9,000 patients between them, the board said.',
  'A community bus would run from each village to the new centre twice a day, according to the plan.',
];
