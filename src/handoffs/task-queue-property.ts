/**
 * The task property that puts a task in a task queue: `hs_queue_membership_ids`, HubSpot's "Queue" task
 * property, holding queue ids (several separated by `;`). Not in ../shared/hubspot-openapi (the task spec
 * lists no properties) nor in the platform notes; docs/handoffs.md says where the name comes from and what
 * is unverified.
 */
export const taskQueueProperty = 'hs_queue_membership_ids';
