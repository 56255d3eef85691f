/**
 * Search folding for names: lower case, diacritics removed (Vietnamese "Nguyễn" → "nguyen", "Đ" → "d"),
 * every run of non-letters/digits collapsed to one space. The stored folded name and the search terms
 * go through the same function, so a word of the query matches a word of the name at its start.
 */
export function foldText(text: string): string {
  return foldTerms(text).join(' ');
}

/** The folded words of a text, in order. */
export function foldTerms(text: string): string[] {
  const stripped = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
  return stripped.split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 0);
}
