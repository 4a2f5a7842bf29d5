import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildOffsetMap } from '@/lib/anchoring/offset-map';
import { loadArticle } from './fixtures';

const article = loadArticle();

describe('buildOffsetMap', () => {
  it('maps unchanged passages across an insertion above and an edit inside a paragraph', () => {
    const note = "Editor's note: corrected.\n";
    const edited = note + article.replace('over 600 attacks', 'over 650 attacks');
    const map = buildOffsetMap(article, edited);
    const claim = article.indexOf('carried out over 600 attacks');
    // Untouched text: shifted by the note.
    const title = article.indexOf('Militant Nexus');
    expect(map.unchangedShift(title, title + 14)).toBe(note.length);
    // The edited figure: the range is not unchanged, and maps onto what replaced it.
    expect(map.unchangedShift(claim, claim + 28)).toBeNull();
    const six = article.indexOf('600 attacks');
    expect(edited.slice(map.mapStart(six), map.mapEnd(six + 3))).toBe('650');
    expect(edited.slice(map.mapStart(claim), map.mapEnd(claim + 28))).toBe('carried out over 650 attacks');
  });

  it('a paragraph split beside two merged (as many paragraphs before as after) still maps each word onto its own', () => {
    const old = [
      'Residents of Mill Street, where 60 homes flooded in 2024, said they had been let down. "We were promised this would be done by the autumn," said a baker. "Nobody believes it any more."',
      'The agency, which is paying for most of the scheme, said it was disappointed. It said the temporary barriers would stay in place.',
      'A councillor said: "We will hold the contractor to account."',
    ].join('\n');
    const edited = old.replace('60 homes', '64 homes').replace('let down. "We', 'let down.\n"We').replace('in place.\nA councillor', 'in place. A councillor');
    const map = buildOffsetMap(old, edited);
    const figure = old.indexOf('60 homes');
    expect(edited.slice(map.mapStart(figure), map.mapEnd(figure + 8))).toBe('64 homes');
    const tail = old.indexOf('Nobody believes it any more');
    expect(map.unchangedShift(tail, tail + 27)).toBe(edited.indexOf('Nobody believes') - tail);
  });

  it('reports new text and text that was elsewhere', () => {
    const edited = `${article}\nA new closing paragraph.`;
    const map = buildOffsetMap(article, edited);
    expect(map.changes().at(-1)).toEqual([article.length, edited.length]);
    expect(map.toOld(edited.length - 3)).toBe(-1);
    expect(map.toOld(5)).toBe(5);
    // Old words outside [10, 20) within new [0, 30): [0, 10) and [20, 30).
    expect(map.foreignSpans(0, 30, 10, 20)).toEqual([
      [0, 10],
      [20, 30],
    ]);
    expect(map.foreignSpans(article.length, edited.length, 0, 0)).toEqual([]);
  });

  it('maps a deleted paragraph to an empty range where it was', () => {
    const lines = article.split('\n');
    const gone = lines[3];
    const edited = [...lines.slice(0, 3), ...lines.slice(4)].join('\n');
    const map = buildOffsetMap(article, edited);
    const at = article.indexOf(gone) + 10;
    expect(map.mapStart(at)).toBe(map.mapEnd(at + 20));
  });

  it('a rewritten paragraph is one change, not common words paired by chance', () => {
    const lines = article.split('\n');
    const i = lines.findIndex((l) => l.length > 300);
    const rewritten = 'In a statement on Friday the ministry said that the talks with the delegation had been postponed, and that the border would stay closed to trucks for the rest of the month while the inspections continued.';
    const edited = [...lines.slice(0, i), rewritten, ...lines.slice(i + 1)].join('\n');
    const map = buildOffsetMap(article, edited);
    const at = article.indexOf(lines[i]);
    expect(map.keptShare(at, at + lines[i].length)).toBeLessThan(0.05); // a shared first letter or full stop at most
    expect(map.keptShare(0, at)).toBe(1);
    // A copy-edit of the same paragraph keeps nearly all of it.
    const copyEdited = [...lines.slice(0, i), lines[i].replace(/ the /, ' a ').replace(/\.$/, '!'), ...lines.slice(i + 1)].join('\n');
    expect(buildOffsetMap(article, copyEdited).keptShare(at, at + lines[i].length)).toBeGreaterThan(0.95);
  });

  it('gives up on a complete rewrite without diffing for long: one change', () => {
    const rewritten = article.split('').reverse().join('');
    const t0 = performance.now();
    const map = buildOffsetMap(article, rewritten);
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(map.mapStart(100)).toBeGreaterThanOrEqual(0);
  });

  it('for random edits: unchanged runs hold the same characters, in order, and map into the text', () => {
    const unit = fc.constantFrom('a', 'b', ' ', '\n', '.', '😀', 'é');
    const texts = fc.oneof(fc.string({ unit, maxLength: 200 }), fc.nat(article.length).map((at) => article.slice(at, at + 600)));
    const edits = fc.array(fc.record({ at: fc.nat(), remove: fc.nat({ max: 30 }), insert: fc.string({ unit, maxLength: 15 }) }), { maxLength: 6 });
    fc.assert(
      fc.property(texts, edits, (text, list) => {
        let edited = text;
        for (const e of list) {
          const at = edited.length === 0 ? 0 : e.at % (edited.length + 1);
          edited = edited.slice(0, at) + e.insert + edited.slice(at + e.remove);
        }
        const map = buildOffsetMap(text, edited);
        const problems: string[] = [];
        let lastOld = -1;
        for (let q = 0; q < edited.length; q++) {
          const o = map.toOld(q);
          if (o === -1) continue;
          if (text[o] !== edited[q] || o <= lastOld) problems.push(`new ${q} → old ${o}`);
          lastOld = o;
        }
        for (let p = 0; p <= text.length; p++) {
          const s = map.mapStart(p);
          const e = map.mapEnd(p);
          if (!(0 <= s && s <= edited.length && 0 <= e && e <= edited.length)) problems.push(`old ${p} → [${s}, ${e}]`);
          const shift = p < text.length ? map.unchangedShift(p, p + 1) : null;
          if (shift !== null && edited[p + shift] !== text[p]) problems.push(`old ${p} shifted by ${shift}`);
        }
        expect(problems).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
