import { Link } from '@hubspot/ui-extensions';

import { companyName, hubspotCompanyUrl, type Speech } from './portfolio-format.ts';

/** The company's name, opening its record in HubSpot. */
export function CompanyLink({
  company,
  portalId,
  t,
}: { company: { companyId: string; name: string | null }; portalId: number } & Pick<Speech, 't'>) {
  return <Link href={hubspotCompanyUrl(portalId, company.companyId)}>{companyName(company, t)}</Link>;
}
