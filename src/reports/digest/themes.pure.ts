import type { DigestQuoteWire, DigestThemeWire, FeedbackSource, ThemeTrend } from '@harbor/wire';

import { clusterVectors, defaultClusterOptions, mostSimilar, type ClusterOptions } from './cluster.pure.ts';
import { addInto, tfidfVectors, unit, type TermVector } from './tfidf.pure.ts';
import { normaliseWord, tokenise, type Token } from './tokenise.pure.ts';

/** One survey comment or feature-request ticket. */
export interface FeedbackItem {
  /** Unique within a run, e.g. `survey:123`; also the tie-break that keeps results deterministic. */
  id: string;
  source: FeedbackSource;
  text: string;
  companyId: string | null;
}

export interface CompanyFacts {
  name: string | null;
  /** The contract value property's value, null when the company has none (or it is not a number). */
  contractValue: number | null;
}

export interface ThemeInput {
  current: readonly FeedbackItem[];
  /** Last month's items: only counted against this month's themes, for the trend. */
  previous: readonly FeedbackItem[];
  companies: ReadonlyMap<string, CompanyFacts>;
}

export interface ThemeResult {
  themes: DigestThemeWire[];
  /** Current items with words to group. */
  itemCount: number;
  previousItemCount: number;
  otherCount: number;
  otherQuotes: DigestQuoteWire[];
}

const labelKeywords = 3;
const quotesPerTheme = 3;
const maxThemes = 100;
/** A quote with fewer content words says too little to stand for a theme ("Great!"). */
const informativeWords = 2;
const quoteLength = 300;

interface Prepared {
  item: FeedbackItem;
  tokens: Token[];
  vector: TermVector;
}

/**
 * This month's themes: items are tokenised, weighted by TF-IDF over both months (so a word common to every
 * month weighs little), clustered by cosine (cluster.pure.ts) in id order, and each cluster of two or more
 * items becomes a theme; last month's items are each counted in the theme whose centroid they are most
 * similar to at the threshold or above. Items with no content word are left out of every count.
 */
export function findThemes(input: ThemeInput, options: ClusterOptions = defaultClusterOptions): ThemeResult {
  const byId = (a: FeedbackItem, b: FeedbackItem) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const withWords = (items: readonly FeedbackItem[]) =>
    [...items]
      .sort(byId)
      .map((item) => ({ item, tokens: tokenise(item.text) }))
      .filter((entry) => entry.tokens.length > 0);
  const current = withWords(input.current);
  const previous = withWords(input.previous);
  const vectors = tfidfVectors([...current, ...previous].map((entry) => entry.tokens.map((t) => t.stem)));
  const prepared: Prepared[] = current.map((entry, index) => ({
    ...entry,
    vector: vectors[index] ?? new Map(),
  }));
  const before = previous.map((_, index) => vectors[current.length + index] ?? new Map<string, number>());

  const assignment = clusterVectors(
    prepared.map((entry) => entry.vector),
    options,
  );
  const clusters: Prepared[][] = [];
  assignment.forEach((cluster, index) => {
    const entry = prepared[index];
    if (entry === undefined) return;
    (clusters[cluster] ??= []).push(entry);
  });

  const grouped = clusters.filter((members) => members.length >= 2);
  const centroids = grouped.map((members) => {
    const sum = new Map<string, number>();
    for (const member of members) addInto(sum, member.vector);
    return unit(sum);
  });
  const previousCounts = grouped.map(() => 0);
  for (const vector of before) {
    const best = mostSimilar(centroids, vector, options.threshold);
    if (best !== undefined) previousCounts[best] = (previousCounts[best] ?? 0) + 1;
  }

  const ranked = grouped
    .map((members, index) =>
      toTheme(members, centroids[index] ?? new Map(), previousCounts[index] ?? 0, input),
    )
    .sort(
      (a, b) =>
        b.count - a.count ||
        b.contractValue - a.contractValue ||
        (a.label < b.label ? -1 : a.label > b.label ? 1 : 0),
    );
  const themes = ranked.slice(0, maxThemes);
  const others = clusters.filter((members) => members.length < 2).flat();
  const folded = ranked.slice(maxThemes).reduce((sum, theme) => sum + theme.count, 0);
  return {
    themes,
    itemCount: current.length,
    previousItemCount: previous.length,
    otherCount: others.length + folded,
    otherQuotes: pickQuotes(others, input.companies),
  };
}

function toTheme(
  members: readonly Prepared[],
  centroid: TermVector,
  previousCount: number,
  input: ThemeInput,
): DigestThemeWire {
  const keywords = topKeywords(members, centroid);
  const companyIds = [
    ...new Set(members.flatMap((member) => (member.item.companyId === null ? [] : [member.item.companyId]))),
  ];
  let contractValue = 0;
  let companiesWithoutValue = 0;
  for (const companyId of companyIds) {
    const value = input.companies.get(companyId)?.contractValue ?? null;
    if (value === null) companiesWithoutValue += 1;
    else contractValue += value;
  }
  const count = members.length;
  return {
    label: keywords.join(' · '),
    keywords,
    count,
    bySource: {
      survey: members.filter((member) => member.item.source === 'survey').length,
      ticket: members.filter((member) => member.item.source === 'ticket').length,
    },
    companies: companyIds.length,
    contractValue,
    companiesWithoutValue,
    previousCount,
    trend: trendOf(count, previousCount),
    quotes: pickQuotes(members, input.companies),
  };
}

export function trendOf(count: number, previousCount: number): ThemeTrend {
  if (previousCount === 0) return 'new';
  if (count > previousCount) return 'up';
  return count < previousCount ? 'down' : 'flat';
}

/** The centroid's heaviest stems, each shown as the word its members wrote most often for it. */
function topKeywords(members: readonly Prepared[], centroid: TermVector): string[] {
  const stems = [...centroid.entries()]
    .sort(([a, wa], [b, wb]) => wb - wa || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, labelKeywords)
    .map(([stem]) => stem);
  return stems.map((stem) => {
    const surfaces = new Map<string, number>();
    for (const member of members) {
      for (const token of member.tokens)
        if (token.stem === stem) surfaces.set(token.surface, (surfaces.get(token.surface) ?? 0) + 1);
    }
    const [surface] = [...surfaces.entries()].sort(
      ([a, ca], [b, cb]) => cb - ca || (a < b ? -1 : a > b ? 1 : 0),
    )[0] ?? [stem];
    return surface;
  });
}

/**
 * Up to three quotes, shortest first among those with two content words or more (the shortest that still
 * says something reads fastest), one per wording; the rest only when too few are informative.
 */
function pickQuotes(
  members: readonly Prepared[],
  companies: ReadonlyMap<string, CompanyFacts>,
): DigestQuoteWire[] {
  const ordered = [...members].sort(
    (a, b) =>
      Number(b.tokens.length >= informativeWords) - Number(a.tokens.length >= informativeWords) ||
      a.item.text.trim().length - b.item.text.trim().length ||
      (a.item.id < b.item.id ? -1 : 1),
  );
  const seen = new Set<string>();
  const quotes: DigestQuoteWire[] = [];
  for (const member of ordered) {
    const wording = normaliseWord(member.item.text.trim());
    if (seen.has(wording)) continue;
    seen.add(wording);
    const text = member.item.text.trim().replace(/\s+/g, ' ');
    const { companyId } = member.item;
    quotes.push({
      text: text.length > quoteLength ? `${text.slice(0, quoteLength - 1)}…` : text,
      source: member.item.source,
      companyId,
      companyName: companyId === null ? null : (companies.get(companyId)?.name ?? null),
    });
    if (quotes.length === quotesPerTheme) break;
  }
  return quotes;
}
