/**
 * Phrases that promise a feature, a date or a price, in English and Brazilian Portuguese. Harbor's
 * customer-facing texts (playbook steps, task templates a CSM turns into customer emails) must contain none:
 * a CSM hands feature asks to product and price questions to finance; they do not commit to either.
 * Matched on whole words, case and accents ignored; a phrase ending in `*` matches any word ending. A
 * phrase right after a negation ("never about a discount", "nunca sobre desconto") is the guardrail itself
 * being written down for the CSM, not a promise, and passes.
 */
export const promisePhrases: Readonly<Record<'en' | 'pt-BR', readonly string[]>> = {
  en: [
    'we will add',
    "we'll add",
    'we will build',
    "we'll build",
    'we will ship',
    "we'll ship",
    'we will release',
    'coming soon',
    'next release',
    'next version',
    'upcoming release',
    'on the roadmap for',
    'on our roadmap',
    'roadmap date',
    'will be available',
    'will be released',
    'we promise',
    'we guarantee',
    'discount*',
    'free of charge',
    'for free',
    'at no cost',
    'at no extra cost',
    'no additional cost',
    'price freeze',
    'lock in the price',
    'lower price',
    'price reduction',
    'reduce the price',
    'cheaper',
    '% off',
  ],
  'pt-BR': [
    'vamos adicionar',
    'vamos incluir',
    'vamos desenvolver',
    'vamos lancar',
    'em breve',
    'proxima versao',
    'proxima release',
    'proximo lancamento',
    'no nosso roadmap',
    'no roadmap para',
    'estara disponivel',
    'sera lancad*',
    'prometemos',
    'garantimos',
    'desconto*',
    'gratis',
    'gratuit*',
    'sem custo',
    'de graca',
    'congelar o preco',
    'preco menor',
    'reducao de preco',
    'reduzir o preco',
    'mais barat*',
    '% de desconto',
  ],
};

function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const matchers = Object.values(promisePhrases)
  .flat()
  .map((phrase) => {
    const open = phrase.endsWith('*');
    const words = escapeRegExp(normalise(open ? phrase.slice(0, -1) : phrase));
    // A phrase that starts or ends with a symbol (e.g. "% off") has no word boundary there.
    const start = /^\w/.test(words) ? '\\b' : '';
    const end = open ? '\\w*' : /\w$/.test(words) ? '\\b' : '';
    return { phrase, pattern: new RegExp(`${start}${words}${end}`, 'gu') };
  });

const negations = new Set([
  'never',
  'not',
  'no',
  "don't",
  'dont',
  'without',
  'nunca',
  'nao',
  'nem',
  'jamais',
]);
// How far back a negation still governs the phrase: "never ask about a discount" (3 words back).
const negationReach = 4;

function isNegated(before: string): boolean {
  const words = before.split(/[^\p{L}']+/u).filter((word) => word.length > 0);
  const clause = before.split(/[.;:!?]/).at(-1) ?? '';
  // Only inside the same clause: "No. We will add it" still promises.
  const reach = Math.min(negationReach, clause.split(/[^\p{L}']+/u).filter((word) => word.length > 0).length);
  return words.slice(words.length - reach).some((word) => negations.has(word));
}

/** The promise phrases found in `text` (empty when it promises nothing). */
export function findPromises(text: string): string[] {
  const normal = normalise(text);
  return matchers
    .filter(({ pattern }) =>
      [...normal.matchAll(pattern)].some((match) => !isNegated(normal.slice(0, match.index))),
    )
    .map(({ phrase }) => phrase);
}
