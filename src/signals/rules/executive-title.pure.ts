/**
 * Whether a job title names an executive: one of the listed words or phrases appears in it as whole words,
 * ignoring case and accents ("Diretora Financeira" matches "diretora", "Directory admin" does not match
 * "director", "VP of Sales" matches "VP").
 */
export function isExecutiveTitle(
  title: string | null | undefined,
  executiveTitles: readonly string[],
): boolean {
  if (title === null || title === undefined) return false;
  const text = ` ${fold(title)} `;
  return executiveTitles.some((phrase) => {
    const words = fold(phrase);
    return words !== '' && text.includes(` ${words} `);
  });
}

/** Lower case, accents off, and every run of non-letters and non-digits as one space. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
