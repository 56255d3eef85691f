/**
 * Search folding for names: lower case, diacritics removed (Vietnamese "Nguyễn" → "nguyen", "Đ" → "d"),
 * every run of non-letters/digits collapsed to one space. The stored folded name and the search terms
 * go through the same function, so query words compare with name words whatever the accents.
 */
export function foldText(text: string): string {
  return foldTerms(text).join(' ');
}

const MARKS = /[\u0300-\u036f]/g;

/** The reference definition; the table below is this function applied to one character at a time. */
function slowFoldTerms(text: string): string[] {
  const stripped = text.normalize('NFD').replace(MARKS, '').replace(/[đĐ]/g, 'd').toLowerCase();
  return stripped.split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 0);
}

// Characters below U+2000 (Latin, Vietnamese, Cyrillic, …) folded one by one: '' for a mark, ' ' for a
// separator. Greek is left to the reference path because its final sigma lower-cases by context.
const TABLE_END = 0x2000;
const TABLE: readonly string[] = Array.from({ length: TABLE_END }, (_, code) => {
  const folded = slowFoldTerms(String.fromCharCode(code)).join(' ');
  if (folded !== '') return folded;
  return code >= 0x300 && code <= 0x36f ? '' : ' ';
});
const isGreek = (code: number) => code >= 0x370 && code <= 0x3ff;

/** The folded words of a text, in order (one table lookup per character on the common path). */
export function foldTerms(text: string): string[] {
  const terms: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= TABLE_END || isGreek(code)) return slowFoldTerms(text);
    const f = TABLE[code]!;
    if (f === ' ') {
      if (current) { terms.push(current); current = ''; }
    } else current += f;
  }
  if (current) terms.push(current);
  return terms;
}
