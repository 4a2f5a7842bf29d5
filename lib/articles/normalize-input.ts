/**
 * Input clean-up shared by every format: Unicode NFC (so a text re-imported in decomposed form,
 * "e" + combining accent, is the same text and its annotations re-anchor exactly), one newline
 * convention, no BOM, no control characters except "\n" and "\t" (tabs are whitespace the
 * format parsers collapse).
 */
export function normalizeInput(content: string): string {
  return (
    content
      .normalize('NFC')
      .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
      .replace(/\uFEFF/g, '')
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '')
  );
}
