/** Lower-case ASCII letters and digits only: "João Conceição & Filhos" → "joaoconceicaofilhos". */
export function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const wordSlugs = new Map<string, string>();

/** asciiSlug for words from the fixed word lists, memoised (the lists are small; names repeat millions of times). */
export function wordSlug(word: string): string {
  let slug = wordSlugs.get(word);
  if (slug === undefined) {
    slug = asciiSlug(word);
    wordSlugs.set(word, slug);
  }
  return slug;
}
