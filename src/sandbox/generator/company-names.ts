import type { Prng } from './prng.ts';
import { asciiSlug } from './slug.ts';
import { companyCores, companyPrefixes, lastNames, legalForms, type Locale } from './word-lists.ts';

export interface CompanyIdentity {
  name: string;
  domain: string;
}

/**
 * Hands out realistic company names and unique domains. Names are drawn from a few patterns; a clash is redrawn
 * a few times and then told apart by city, as two real "Atlas Logistics" would be; domains get a number.
 */
export class CompanyNamer {
  readonly #names = new Set<string>();
  readonly #domainCounts = new Map<string, number>();

  next(rng: Prng, locale: Locale, tld: string, city: string): CompanyIdentity {
    let base = '';
    for (let attempt = 0; attempt < 4; attempt += 1) {
      base = drawBaseName(rng, locale);
      if (!this.#names.has(base)) break;
    }
    if (this.#names.has(base)) base = `${base} ${city}`;
    this.#names.add(base);
    const form = rng.pick(legalForms[locale]);
    const name = form === '' ? base : `${base} ${form}`;
    return { name, domain: this.#domain(asciiSlug(base), tld) };
  }

  #domain(slug: string, tld: string): string {
    const key = `${slug}.${tld}`;
    const count = (this.#domainCounts.get(key) ?? 0) + 1;
    this.#domainCounts.set(key, count);
    return count === 1 ? key : `${slug}${count}.${tld}`;
  }
}

function drawBaseName(rng: Prng, locale: Locale): string {
  const pattern = rng.float();
  const core = rng.pick(companyCores[locale]);
  if (pattern < 0.55) return `${rng.pick(companyPrefixes[locale])} ${core}`;
  if (pattern < 0.8) return `${rng.pick(lastNames[locale])} ${core}`;
  if (pattern < 0.92) return `${rng.pick(lastNames[locale])} & ${rng.pick(lastNames[locale])}`;
  return `${rng.pick(companyPrefixes[locale])} ${rng.pick(companyPrefixes[locale])} ${core}`;
}
