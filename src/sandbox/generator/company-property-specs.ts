import { industries } from './word-lists.ts';
import { ownerSpec, spec, systemSpecs, type PropertySpec } from './property-specs.ts';

/** HubSpot's own company properties the generator writes. */
export const companyHubSpotSpecs: PropertySpec[] = [
  ...systemSpecs('createdate', 'hs_lastmodifieddate'),
  spec('name', 'Company name', 'string'),
  spec('domain', 'Company domain name', 'string'),
  spec('industry', 'Industry', 'enumeration', industries),
  spec('country', 'Country/Region', 'string'),
  spec('city', 'City', 'string'),
  spec('numberofemployees', 'Number of employees', 'number'),
  spec('annualrevenue', 'Annual revenue', 'number'),
  spec('lifecyclestage', 'Lifecycle stage', 'enumeration', [
    ['subscriber', 'Subscriber'],
    ['lead', 'Lead'],
    ['marketingqualifiedlead', 'Marketing qualified lead'],
    ['salesqualifiedlead', 'Sales qualified lead'],
    ['opportunity', 'Opportunity'],
    ['customer', 'Customer'],
    ['evangelist', 'Evangelist'],
    ['other', 'Other'],
  ]),
  ownerSpec,
  spec('notes_last_contacted', 'Last contacted', 'datetime'),
  spec('num_contacted_notes', 'Number of times contacted', 'number'),
  spec('hs_last_booked_meeting_date', 'Last booked meeting date', 'datetime'),
  spec('num_associated_contacts', 'Number of associated contacts', 'number'),
  spec('num_associated_deals', 'Number of associated deals', 'number'),
];

/** The customer-success properties a CS team adds to companies (group `customer_success`). */
export const companyCustomSpecs: PropertySpec[] = [
  spec('customer_segment', 'Customer segment', 'enumeration', [
    ['SMB', 'SMB'],
    ['MID_MARKET', 'Mid-market'],
    ['ENTERPRISE', 'Enterprise'],
  ]),
  spec('contract_value', 'Annual contract value', 'number'),
  spec('contract_start_date', 'Contract start date', 'date'),
  spec('renewal_date', 'Renewal date', 'date'),
  spec('seats_purchased', 'Seats purchased', 'number'),
  spec('active_users_30d', 'Active users (30 days)', 'number'),
  spec('logins_30d', 'Logins (30 days)', 'number'),
  spec('logins_prev_30d', 'Logins (previous 30 days)', 'number'),
  spec('features_used', 'Features used (of 20)', 'number'),
  spec('last_login_date', 'Last login date', 'date'),
  spec('days_past_due', 'Days past due', 'number'),
  spec('invoice_status', 'Invoice status', 'enumeration', [
    ['paid', 'Paid'],
    ['open', 'Open'],
    ['overdue', 'Overdue'],
  ]),
  spec('sla_tier', 'SLA tier', 'enumeration', [
    ['basic', 'Basic'],
    ['standard', 'Standard'],
    ['premium', 'Premium'],
  ]),
  spec('customer_status', 'Customer status', 'enumeration', [
    ['active', 'Active'],
    ['churned', 'Churned'],
  ]),
  spec('churn_date', 'Churn date', 'date'),
];
