/** What a closed deal does to a company's recurring revenue (docs/reports.md, "Retention: every choice" 3). */
export type DealRole = 'newBusiness' | 'renewal' | 'expansion' | 'untyped';

export interface DealRoleFacts {
  /** The label of the deal's pipeline, or null when Harbor does not know the pipeline. */
  pipelineLabel: string | null;
  dealtype: string | null;
  /** The health model's `outcomes.renewalPipelineLabel`: a pipeline whose label contains it holds renewals. */
  renewalPipelineText: string;
}

export function isRenewalPipeline(label: string | null, renewalPipelineText: string): boolean {
  return label?.toLowerCase().includes(renewalPipelineText.toLowerCase()) ?? false;
}

export function dealRole(facts: DealRoleFacts): DealRole {
  const dealtype = facts.dealtype?.trim().toLowerCase() ?? '';
  if (dealtype === 'renewal' || isRenewalPipeline(facts.pipelineLabel, facts.renewalPipelineText)) {
    return 'renewal';
  }
  if (dealtype === 'newbusiness') return 'newBusiness';
  if (dealtype === 'existingbusiness') return 'expansion';
  return 'untyped';
}
