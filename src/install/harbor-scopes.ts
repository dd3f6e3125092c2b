/** Scopes Harbor asks for at install; a test keeps them equal to app/app-hsmeta.json. */
export const requiredScopes = [
  'oauth',
  'crm.objects.companies.read',
  'crm.objects.companies.write',
  'crm.schemas.companies.read',
  'crm.schemas.companies.write',
  'crm.objects.deals.read',
  'tickets',
  'crm.objects.contacts.read',
  'crm.objects.contacts.write',
  'crm.objects.owners.read',
] as const;

/** Features degrade without these instead of blocking the install (surveys, workflow callbacks, survey lists). */
export const optionalScopes = [
  'crm.objects.feedback_submissions.read',
  'automation',
  'crm.lists.read',
  'crm.lists.write',
] as const;
