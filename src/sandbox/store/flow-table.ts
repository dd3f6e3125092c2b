/** A workflow as the sandbox holds it: HubSpot's ApiPlatformFlow, with the body as it was last sent. */
export interface SandboxFlow extends Record<string, unknown> {
  id: string;
  name?: string;
  isEnabled: boolean;
  objectTypeId: string;
  revisionId: string;
  createdAt: string;
  updatedAt: string;
}

/** Fields HubSpot owns: a create or update cannot set them. */
const serverFields = [
  'id',
  'revisionId',
  'createdAt',
  'updatedAt',
  'nextAvailableActionId',
  'crmObjectCreationStatus',
];

function withoutServerFields(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([key]) => !serverFields.includes(key)));
}

/** One past the highest numeric action id, as HubSpot reports where the next step's id starts. */
function nextActionId(actions: unknown): string {
  let highest = 0;
  for (const action of Array.isArray(actions) ? actions : []) {
    const id = Number((action as { actionId?: unknown }).actionId);
    if (Number.isInteger(id) && id > highest) highest = id;
  }
  return String(highest + 1);
}

/** The portal's Automation v4 flows (workflows), in creation order. */
export class FlowTable {
  readonly #flows = new Map<string, SandboxFlow>();
  #nextId = 1_000_001;

  create(body: Record<string, unknown>, now: number): SandboxFlow {
    const at = new Date(now).toISOString();
    const id = String(this.#nextId++);
    const flow: SandboxFlow = {
      isEnabled: false,
      objectTypeId: '0-2',
      ...withoutServerFields(body),
      id,
      revisionId: '1',
      createdAt: at,
      updatedAt: at,
      nextAvailableActionId: nextActionId(body.actions),
      crmObjectCreationStatus: 'COMPLETE',
    };
    this.#flows.set(id, flow);
    return flow;
  }

  get(id: string): SandboxFlow | undefined {
    return this.#flows.get(id);
  }

  all(): SandboxFlow[] {
    return [...this.#flows.values()];
  }

  /** Replaces the flow's body (a PUT), keeping what HubSpot owns and moving to the next revision. */
  replace(id: string, body: Record<string, unknown>, now: number): SandboxFlow | undefined {
    const current = this.#flows.get(id);
    if (current === undefined) return undefined;
    const flow: SandboxFlow = {
      objectTypeId: current.objectTypeId,
      flowType: current.flowType,
      dataSources: current.dataSources,
      ...withoutServerFields(body),
      isEnabled: typeof body.isEnabled === 'boolean' ? body.isEnabled : current.isEnabled,
      id,
      revisionId: String(Number(current.revisionId) + 1),
      createdAt: current.createdAt,
      updatedAt: new Date(now).toISOString(),
      nextAvailableActionId: nextActionId(body.actions),
      crmObjectCreationStatus: 'COMPLETE',
    };
    this.#flows.set(id, flow);
    return flow;
  }

  delete(id: string): boolean {
    return this.#flows.delete(id);
  }
}
