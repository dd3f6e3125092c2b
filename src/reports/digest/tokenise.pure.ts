/**
 * Words of a feedback text that say what it is about, in English or Brazilian Portuguese: lower case,
 * accents dropped (so "integração" and "integracao" agree), function words of both languages dropped, and a
 * light suffix stemmer so inflections and the two languages' shared roots meet ("exporting", "exports" and
 * "exportar" → "export"; "integration", "integração" → "integr"). No dictionary: a stem is kept at four
 * letters at least, so short words ("user", "sso") are never cut.
 */

const stopWords = new Set(
  `a about above after again all also am an and any are as at be been before being below between both but by
  can could did do does doing done down during each even ever every few for from further get gets got had has
  have having he her here hers him his how i if in into is it its itself just let like lot lots made make many
  me might more most much must my need needs no nor not now of off often on once one only or other our ours out
  over own please really same she should since so some still such than thank thanks that the their them then
  there these they thing things this those through to too under until up us very was way we well were what when
  where which while who whom why will with would yes yet you your yours
  ao aos as ate com como da das de dela dele deles demais depois do dos e ela elas ele eles em entre era essa
  esse esta estamos estao este esta estava eu foi for ha isso isto ja la lhe mais mas me mesmo meu minha muito
  muitos na nao nas nem no nos nossa nosso num numa o os ou para pela pelas pelo pelos por porque pouco pra
  quando que quem se sem ser seu seus sua suas sao so tambem tem temos ter toda todas todo todos tudo um uma
  umas uns voce voces vos favor obrigado obrigada gostariamos gostaria precisamos preciso seria poderia ainda
  sempre cada bem funciona add request requests suggestion suggestions sugestao sugestoes`
    .split(/\s+/)
    .filter((word) => word.length > 0),
);

// Longest first: the first that leaves a stem of four letters or more is cut, and only one.
const suffixes = ['acoes', 'acao', 'ations', 'ation', 'mente', 'ing', 'ed', 'ar', 'er', 'ir', 's'];
const minimumStem = 4;

function stem(word: string): string {
  for (const suffix of suffixes) {
    if (word.endsWith(suffix) && word.length - suffix.length >= minimumStem)
      return word.slice(0, -suffix.length);
  }
  return word;
}

/** Lower case without accents: the form stop words are listed in and surface words are shown in. */
export function normaliseWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export interface Token {
  stem: string;
  /** The word as written (lower case), for theme labels. */
  surface: string;
}

/** The content words of `text`, in order; digits-only and one- or two-letter words are dropped. */
export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  for (const raw of text.split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length < 3 || /^\p{N}+$/u.test(raw)) continue;
    const normal = normaliseWord(raw);
    if (stopWords.has(normal)) continue;
    tokens.push({ stem: stem(normal), surface: raw.toLowerCase() });
  }
  return tokens;
}
