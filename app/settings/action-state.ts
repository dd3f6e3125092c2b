/** Where a button's request stands: the page shows a spinner, an error or what it achieved. */
export type ActionState<Done = true> =
  { state: 'idle' } | { state: 'busy' } | { state: 'failed'; code: string } | { state: 'done'; result: Done };

export const idle = { state: 'idle' } as const;
