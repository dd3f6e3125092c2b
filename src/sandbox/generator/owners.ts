import type { SandboxOwner } from '../store/sandbox-types.ts';
import type { Prng } from './prng.ts';
import { wordSlug } from './slug.ts';
import { DAY_MS } from './wire-values.ts';
import { firstNames, lastNames, type Locale } from './word-lists.ts';

/** The CS team's e-mail domain in a generated portal (reserved `.example`, so no mail can go anywhere). */
export const OWNER_EMAIL_DOMAIN = 'harbor-portal.example';

const FIRST_OWNER_ID = 75_000_101;
const FIRST_USER_ID = 9_100_001;

/** About one owner per 40 customers, at least 5 and at most 200 (a CS team's book of business). */
export function ownerCount(companies: number): number {
  return Math.min(200, Math.max(5, Math.round(companies / 40)));
}

/** The portal's CSMs: people with HubSpot user ids, created within the portal's first years. */
export function generateOwners(count: number, rng: Prng, now: number): SandboxOwner[] {
  const owners: SandboxOwner[] = [];
  const emails = new Set<string>();
  for (let i = 0; i < count; i += 1) {
    const locale: Locale = rng.chance(0.5) ? 'en' : 'pt';
    const firstName = rng.pick(firstNames[locale]);
    const lastName = rng.pick(lastNames[locale]);
    let email = `${wordSlug(firstName)}.${wordSlug(lastName)}@${OWNER_EMAIL_DOMAIN}`;
    if (emails.has(email)) email = `${wordSlug(firstName)}.${wordSlug(lastName)}${i}@${OWNER_EMAIL_DOMAIN}`;
    emails.add(email);
    const createdAt = now - rng.int(400, 2_900) * DAY_MS - rng.int(0, DAY_MS - 1);
    owners.push({
      id: String(FIRST_OWNER_ID + i * 17),
      email,
      firstName,
      lastName,
      userId: FIRST_USER_ID + i,
      type: 'PERSON',
      archived: false,
      createdAt,
      updatedAt: createdAt + rng.int(0, 300) * DAY_MS,
    });
  }
  return owners;
}
