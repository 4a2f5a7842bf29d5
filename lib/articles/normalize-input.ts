/**
 * Input clean-up shared by every format: one newline convention, no BOM, no control
 * characters except "\n" and "\t" (tabs are whitespace the format parsers collapse).
 */
export function normalizeInput(content: string): string {
  return (
    content
      .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
      .replace(/\uFEFF/g, '')
       
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '')
  );
}
