/** One Server-Sent Events message; `data` is JSON on one line (JSON.stringify never emits raw newlines). */
export function sseMessage(event: string, data: unknown, id?: string): string {
  return `event: ${event}\n${id ? `id: ${id}\n` : ''}data: ${JSON.stringify(data)}\n\n`;
}
