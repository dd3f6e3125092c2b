import type { SandboxStore } from '../store/sandbox-store.ts';
import type { CompanyPlan } from './company-plan.ts';
import type { Prng } from './prng.ts';
import { insertGenerated } from './record-insert.ts';
import { wordSlug } from './slug.ts';
import { DAY_MS, HOUR_MS, wireDateTime } from './wire-values.ts';
import { firstNames, jobTitles, lastNames, type Locale } from './word-lists.ts';

export interface GeneratedContact {
  id: string;
  locale: Locale;
}

const contactRange = { SMB: [1, 3], MID_MARKET: [2, 5], ENTERPRISE: [4, 8] } as const;

/** The customer's people in HubSpot, each linked to the company; most speak the company's language. */
export function generateContacts(
  plan: CompanyPlan,
  rng: Prng,
  store: SandboxStore,
  now: number,
): GeneratedContact[] {
  const [min, max] = contactRange[plan.segment];
  const count = rng.int(min, max);
  const contacts: GeneratedContact[] = [];
  const emails = new Set<string>();
  const lifetimeDays = Math.max(1, Math.floor((plan.activeUntil - plan.createdAt) / DAY_MS));
  for (let i = 0; i < count; i += 1) {
    const id = store.tables.contacts.allocateId();
    const locale: Locale =
      plan.locale === 'pt' ? (rng.chance(0.92) ? 'pt' : 'en') : rng.chance(0.05) ? 'pt' : 'en';
    const firstname = rng.pick(firstNames[locale]);
    const lastname = rng.pick(lastNames[locale]);
    let email = `${wordSlug(firstname)}.${wordSlug(lastname)}@${plan.domain}`;
    if (emails.has(email)) email = `${wordSlug(firstname)}.${wordSlug(lastname)}${i + 1}@${plan.domain}`;
    emails.add(email);
    // The first contact arrives with the company; the others join over the customer's life.
    const createdAt =
      plan.createdAt + (i === 0 ? rng.int(1, 48) * HOUR_MS : rng.int(1, lifetimeDays) * DAY_MS);
    const updatedAt = Math.min(
      now,
      createdAt + rng.int(0, Math.max(0, Math.floor((now - createdAt) / DAY_MS))) * DAY_MS,
    );
    const created = wireDateTime(createdAt);
    insertGenerated(
      store,
      'contacts',
      id,
      {
        associatedcompanyid: plan.id,
        createdate: created,
        email,
        firstname,
        hs_language: locale === 'pt' ? 'pt-br' : 'en',
        hs_object_id: id,
        jobtitle: rng.pick(jobTitles[locale]),
        lastmodifieddate: updatedAt === createdAt ? created : wireDateTime(updatedAt),
        lastname,
      },
      createdAt,
      updatedAt,
    );
    store.associations.add('contacts', id, 'companies', plan.id);
    contacts.push({ id, locale });
  }
  return contacts;
}
