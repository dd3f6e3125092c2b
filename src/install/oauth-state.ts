import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const maxAgeMs = 10 * 60 * 1000;

export type StateCheck = { ok: true; nonce: string } | { ok: false; reason: string };

/**
 * The OAuth `state`: `<nonce>.<issuedAt>.<hmac>`. The HMAC proves Harbor issued it; the nonce is also set as
 * a cookie so the callback proves the same browser started the install (no login CSRF).
 */
export function issueState(
  key: Buffer,
  nowMs: number,
  nonce = randomBytes(16).toString('base64url'),
): string {
  const payload = `${nonce}.${nowMs}`;
  return `${payload}.${sign(key, payload)}`;
}

export function checkState(key: Buffer, state: string, nowMs: number): StateCheck {
  const [nonce, issuedAt, mac] = state.split('.');
  if (nonce === undefined || issuedAt === undefined || mac === undefined || !/^\d+$/.test(issuedAt)) {
    return { ok: false, reason: 'state is malformed' };
  }
  const expected = Buffer.from(sign(key, `${nonce}.${issuedAt}`));
  const received = Buffer.from(mac);
  if (expected.length !== received.length || !timingSafeEqual(expected, received)) {
    return { ok: false, reason: 'state was not issued by Harbor' };
  }
  const age = nowMs - Number(issuedAt);
  if (age < 0 || age > maxAgeMs) return { ok: false, reason: 'state has expired; start the install again' };
  return { ok: true, nonce };
}

function sign(key: Buffer, payload: string): string {
  return createHmac('sha256', key).update(`oauth-state:${payload}`).digest('base64url');
}
