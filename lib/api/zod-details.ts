import type { ZodError } from 'zod';

export type FieldProblem = { path: string; message: string };

export function zodDetails(error: ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(body)', message: issue.message }));
}

export function zodSummary(error: ZodError): string {
  const problems = zodDetails(error);
  return problems.map((p) => (p.path === '(body)' ? p.message : `${p.path}: ${p.message}`)).join('; ');
}
