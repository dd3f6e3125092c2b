/**
 * Links to records in HubSpot's own UI, for the tasks Harbor writes (a person reads them in HubSpot and
 * follows the link back). app.hubspot.com serves every data centre: it redirects to the portal's own host.
 */
export function companyRecordUrl(portalId: number, companyId: string): string {
  return `https://app.hubspot.com/contacts/${portalId}/record/0-2/${companyId}`;
}
