/** A HubSpot call took longer than its deadline; treated like a dropped connection (retried). */
export class RequestTimeoutError extends Error {
  override readonly name = 'RequestTimeoutError';
  readonly code = 'ETIMEDOUT';

  constructor(timeoutMs: number) {
    super(`HubSpot did not answer within ${timeoutMs} ms`);
  }
}

/**
 * Rejects when `promise` has not settled within `timeoutMs`.
 *
 * SDK 14 gives no way to abort a request: its fetch transport forwards only method, headers and body (no
 * AbortSignal), the per-call `httpApi` override is ignored by the generated ObservableAPI, and the
 * `httpAgent` path only emits 'timeout' without destroying the socket. So this is a race: the abandoned
 * request is left to undici's own timeouts and its socket to the connection pool.
 */
export async function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new RequestTimeoutError(timeoutMs));
    }, timeoutMs);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
