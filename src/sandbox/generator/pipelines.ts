import type { SandboxPipeline, SandboxPipelineStage } from '../store/sandbox-types.ts';

/** Deal and ticket pipelines of a generated portal, with HubSpot's default ids where HubSpot has them. */

export const SALES_PIPELINE = 'default';
export const RENEWALS_PIPELINE = 'renewals';
export const SUPPORT_PIPELINE = '0';

/** Open stages of the sales pipeline in order, then the two closed ones. */
export const salesStages = {
  open: [
    'appointmentscheduled',
    'qualifiedtobuy',
    'presentationscheduled',
    'decisionmakerboughtin',
    'contractsent',
  ],
  won: 'closedwon',
  lost: 'closedlost',
} as const;

export const renewalStages = {
  upcoming: 'renewal_upcoming',
  negotiation: 'renewal_in_negotiation',
  won: 'renewal_won',
  lost: 'renewal_lost',
} as const;

/** Ticket stages of the support pipeline: '4' is the only closed one. */
export const ticketStages = { new: '1', waitingOnContact: '2', waitingOnUs: '3', closed: '4' } as const;

type StageSpec = readonly [id: string, label: string, metadata: Record<string, string>];

function dealStage(isClosed: boolean, probability: string): Record<string, string> {
  return { isClosed: isClosed ? 'true' : 'false', probability };
}

const dealPipelineSpecs: readonly (readonly [id: string, label: string, stages: readonly StageSpec[]])[] = [
  [
    SALES_PIPELINE,
    'Sales Pipeline',
    [
      ['appointmentscheduled', 'Appointment Scheduled', dealStage(false, '0.2')],
      ['qualifiedtobuy', 'Qualified To Buy', dealStage(false, '0.4')],
      ['presentationscheduled', 'Presentation Scheduled', dealStage(false, '0.6')],
      ['decisionmakerboughtin', 'Decision Maker Bought-In', dealStage(false, '0.8')],
      ['contractsent', 'Contract Sent', dealStage(false, '0.9')],
      ['closedwon', 'Closed Won', dealStage(true, '1.0')],
      ['closedlost', 'Closed Lost', dealStage(true, '0.0')],
    ],
  ],
  [
    RENEWALS_PIPELINE,
    'Renewals',
    [
      [renewalStages.upcoming, 'Renewal upcoming', dealStage(false, '0.5')],
      [renewalStages.negotiation, 'In negotiation', dealStage(false, '0.7')],
      [renewalStages.won, 'Renewed', dealStage(true, '1.0')],
      [renewalStages.lost, 'Not renewed', dealStage(true, '0.0')],
    ],
  ],
];

const ticketPipelineSpecs: readonly (readonly [id: string, label: string, stages: readonly StageSpec[]])[] = [
  [
    SUPPORT_PIPELINE,
    'Support Pipeline',
    [
      [ticketStages.new, 'New', { ticketState: 'OPEN' }],
      [ticketStages.waitingOnContact, 'Waiting on contact', { ticketState: 'OPEN' }],
      [ticketStages.waitingOnUs, 'Waiting on us', { ticketState: 'OPEN' }],
      [ticketStages.closed, 'Closed', { ticketState: 'CLOSED' }],
    ],
  ],
];

function buildPipelines(specs: typeof dealPipelineSpecs, createdAt: number): SandboxPipeline[] {
  return specs.map(([id, label, stages], pipelineIndex) => ({
    id,
    label,
    displayOrder: pipelineIndex,
    stages: stages.map(([stageId, stageLabel, metadata], stageIndex): SandboxPipelineStage => ({
      id: stageId,
      label: stageLabel,
      displayOrder: stageIndex,
      metadata,
      archived: false,
      createdAt,
      updatedAt: createdAt,
    })),
    archived: false,
    createdAt,
    updatedAt: createdAt,
  }));
}

/** The portal's pipelines; `createdAt` is when the portal was set up. */
export function portalPipelines(createdAt: number): Record<'deals' | 'tickets', SandboxPipeline[]> {
  return {
    deals: buildPipelines(dealPipelineSpecs, createdAt),
    tickets: buildPipelines(ticketPipelineSpecs, createdAt),
  };
}

/** [stage id, label] of every deal stage, for the `dealstage` property's options. */
export function dealStageOptions(): (readonly [string, string])[] {
  return dealPipelineSpecs.flatMap(([, , stages]) => stages.map(([id, label]) => [id, label] as const));
}

export function ticketStageOptions(): (readonly [string, string])[] {
  return ticketPipelineSpecs.flatMap(([, , stages]) => stages.map(([id, label]) => [id, label] as const));
}
