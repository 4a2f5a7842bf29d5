import { describe, expect, it } from 'vitest';
import { buildBrief } from '@/lib/export/build-brief';
import { DEFAULT_BRIEF_OPTIONS } from '@/lib/export/brief-input';
import { CSV_COLUMNS, csvCell, neutraliseFormula, toCsv } from '@/lib/export/to-csv';
import { HOSTILE, buildFixture } from './fixture';

/** Strict RFC 4180 parser (CRLF records, quoted fields may hold CR/LF/commas, "" escapes a quote). */
function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < s.length) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        field += c;
        i++;
      }
    } else if (c === '"') {
      if (field !== '') throw new Error(`quote inside unquoted field at ${i}`);
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r' && s[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (c === '\n' || c === '\r') {
      throw new Error(`bare line break at ${i}`);
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new Error('unterminated quote');
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

describe('toCsv', () => {
  const input = buildFixture();
  const csv = toCsv(buildBrief(input, DEFAULT_BRIEF_OPTIONS));
  const rows = parseCsv(csv.slice(1));
  const header = rows[0];
  const records = rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
  const byQuote = (q: string) => records.find((r) => r.quote === q)!;

  it('starts with a UTF-8 BOM, uses CRLF and has one row per claim with a fixed header', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(records).toHaveLength(8);
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
    expect(records.map((r) => r.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
  });

  it('carries every field of a claim', () => {
    const r = byQuote('carried out over 600 attacks in Pakistan in 2025 alone');
    expect(r).toMatchObject({
      tag_key: 'un',
      tag_label: 'UN report',
      source_detail: 'UN report, para. 71',
      confidence: 'medium',
      reliability: 'C',
      credibility: '3',
      grade: 'C3',
      status: 'DISPUTED',
      author: 'Amina Qureshi',
      anchor_state: 'exact',
      created: '2025-06-02T09:05:00.000Z',
    });
    expect(r.reviews).toBe(
      'Sara Lindqvist: Dispute (suggests analyst) — PIPS database counts 521 attacks for the same period; the UN figure includes claimed-but-unverified incidents.; Omar Haddad: Agree — Fine as reported by the UN.',
    );
    const a = input.annotations.find((x) => x.id === 'a-600')!;
    expect([r.start, r.end]).toEqual([String(a.start), String(a.end)]);
    expect(byQuote('The Taliban have fully dismantled all militant camps').anchor_state).toBe('orphaned');
  });

  it('quotes commas, quotes and line breaks, and keeps Unicode intact', () => {
    const r = byQuote('the sophistication of recent attacks inside Pakistan suggests shared planning and support');
    expect(r.note).toBe(`${HOSTILE.emoji} ${HOSTILE.rtl}\n# not a heading\n- not a list\n1. not a list either`);
    expect(csv).toContain('"With an estimated strength of 6,000 fighters"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
  });

  it('neutralises formula injection in any cell', () => {
    const r = byQuote('senior BLA figures operate from Afghan cities such as Kandahar and Kabul');
    expect(r.source_detail).toBe(`'${HOSTILE.formula}`);
    expect(byQuote('the sophistication of recent attacks inside Pakistan suggests shared planning and support').source_detail).toBe("'-2+3 analysts quoted anonymously");
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseFormula(s)).toBe(`'${s}`);
    expect(neutraliseFormula('a=1')).toBe('a=1');
    // no cell in the whole file begins with a formula trigger
    for (const row of rows.slice(1)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const inp = buildFixture();
    inp.annotations[0].author.name = '@evil';
    inp.annotations[0].exact = '=cmd|"/c calc"!A0';
    const out = parseCsv(toCsv(buildBrief(inp, DEFAULT_BRIEF_OPTIONS)).slice(1));
    expect(out.flat()).toContain("'@evil");
    expect(out.flat()).toContain('\'=cmd|"/c calc"!A0');
  });
});
