import { harborRenderer } from '@harbor/ui/testing';

/** The company record the card tests open (object type 0-2 is HubSpot's companies). */
export const testCompany = { objectId: 4242, objectTypeId: '0-2' } as const;

/**
 * A renderer for a card on the test company's record, signed in as the testing kit's user, reading `locale`.
 * The test renders the card itself, with `renderer.mocks.context` (and `.actions` where the card takes them).
 */
export function companyCardRenderer<L extends 'crm.record.tab' | 'crm.record.sidebar'>(
  location: L,
  locale = 'en-us',
) {
  const renderer = harborRenderer(location, { locale });
  const { crm }: { crm: { objectId: number; objectTypeId: string } } = renderer.mocks.context;
  crm.objectId = testCompany.objectId;
  crm.objectTypeId = testCompany.objectTypeId;
  return renderer;
}
