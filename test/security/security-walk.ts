import type { AddressInfo } from 'node:net';

import type { Express } from 'express';

import { appRoutes } from '../../src/http/app-routes.ts';
import type { AppDeps } from '../../src/http/app-deps.ts';
import type { RouteSpec } from '../../src/http/route-table/route-spec.ts';
import { computeSignatureV3, MAX_TIMESTAMP_SKEW_MS } from '../../src/hubspot/signature/hubspot-signature.ts';
import type { DatabaseHandle } from '../../src/store/open-database.ts';
import { testClientSecret, testPublicBaseUrl } from '../support/test-app.ts';
import { changedTables, fixtureNow, storeFingerprint } from './security-fixture.ts';
import { malformedCases, type WalkCase } from './malformed-cases.ts';
import { sendRaw } from './raw-http.ts';

export interface RouteReport {
  route: string;
  /** Requests sent that must be refused. */
  tried: number;
  refusedAsExpected: number;
  serverErrors: number;
  /** Refused requests after which some table differed. */
  rowsChangedByRefused: number;
  /** What went wrong, one line each (empty when the route passed). */
  failures: string[];
}

interface Sent {
  status: number;
  body: unknown;
}

/**
 * Walks the whole route table: for every signed route the signature attacks, for every route the malformed
 * corpus, then the route's valid example and (for routes that write) its replay. Each refused request must
 * get a 4xx in the one error shape and leave every table as it was. A route added to the table is covered
 * here with no test code of its own.
 */
export async function walkRouteTable(
  app: Express,
  deps: AppDeps,
  handle: DatabaseHandle,
): Promise<RouteReport[]> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const port = (server.address() as AddressInfo).port;
  try {
    return await walk(port, deps, handle);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

async function walk(port: number, deps: AppDeps, handle: DatabaseHandle): Promise<RouteReport[]> {
  const reports: RouteReport[] = [];
  let clock = 0;
  // Every request is signed a millisecond after the last, as HubSpot signs each afresh.
  const nextTimestamp = (): number => fixtureNow.getTime() + clock++;
  for (const spec of appRoutes(deps)) {
    const report: RouteReport = {
      route: `${spec.method} ${spec.path}`,
      tried: 0,
      refusedAsExpected: 0,
      serverErrors: 0,
      rowsChangedByRefused: 0,
      failures: [],
    };
    const cases = [...(spec.auth.kind === 'hubspot' ? signatureCases(spec) : []), ...malformedCases(spec)];
    for (const walkCase of cases) {
      const before = await storeFingerprint(handle);
      const sent = await send(port, spec, walkCase, nextTimestamp());
      report.tried += 1;
      const changed = changedTables(before, await storeFingerprint(handle));
      if (walkCase.isItemFault === true && spec.itemChecks !== undefined)
        judgeItemRefusal(report, spec.itemChecks.refusalsTable, walkCase, sent, changed);
      else judgeRefusal(report, walkCase, sent, changed);
    }
    await checkExampleAndReplay(port, spec, handle, report, nextTimestamp);
    const alive = await sendRaw(port, { method: 'GET', target: '/healthz', headers: {} });
    if (alive.status !== 200) report.failures.push(`service unhealthy afterwards: /healthz ${alive.status}`);
    reports.push(report);
  }
  return reports;
}

function judgeRefusal(report: RouteReport, walkCase: WalkCase, sent: Sent, changed: string[]): void {
  if (sent.status >= 500) report.serverErrors += 1;
  if (changed.length > 0) {
    report.rowsChangedByRefused += 1;
    report.failures.push(`${walkCase.label}: wrote to ${changed.join(', ')}`);
  }
  const code = errorCode(sent.body);
  const expected = walkCase.expect;
  const isRefused =
    sent.status >= 400 &&
    sent.status < 500 &&
    code !== undefined &&
    (expected.status === undefined || expected.status === sent.status) &&
    (expected.code === undefined || expected.code === code) &&
    (expected.notStatus === undefined || expected.notStatus !== sent.status);
  if (isRefused) report.refusedAsExpected += 1;
  else
    report.failures.push(
      `${walkCase.label}: got ${sent.status} ${code ?? JSON.stringify(sent.body).slice(0, 120)}, expected ${expected.status ?? '4xx'} ${expected.code ?? ''}`,
    );
}

/**
 * A route that checks its items one by one answers for the batch and records the bad item in its refusals
 * table: any other table written, or a 5xx, fails the route.
 */
function judgeItemRefusal(
  report: RouteReport,
  refusalsTable: string,
  walkCase: WalkCase,
  sent: Sent,
  changed: string[],
): void {
  if (sent.status >= 400) {
    judgeRefusal(report, walkCase, sent, changed);
    return;
  }
  const elsewhere = changed.filter((table) => table !== refusalsTable);
  if (elsewhere.length > 0) {
    report.rowsChangedByRefused += 1;
    report.failures.push(`${walkCase.label}: wrote to ${elsewhere.join(', ')}`);
  }
  if (sent.status < 300 && changed.includes(refusalsTable)) report.refusedAsExpected += 1;
  else
    report.failures.push(
      `${walkCase.label}: got ${sent.status} without recording a refusal in ${refusalsTable}`,
    );
}

async function checkExampleAndReplay(
  port: number,
  spec: RouteSpec,
  handle: DatabaseHandle,
  report: RouteReport,
  nextTimestamp: () => number,
): Promise<void> {
  const example = exampleCase(spec, 'valid example', {});
  const timestamp = nextTimestamp();
  const first = await send(port, spec, example, timestamp);
  // Public OAuth routes answer their example with a refusal of their own (no state, no nonce): never a 5xx.
  const isSigned = spec.auth.kind === 'hubspot';
  if (first.status >= 500 || (isSigned && first.status >= 300)) {
    report.failures.push(`valid example: got ${first.status} ${JSON.stringify(first.body).slice(0, 160)}`);
    return;
  }
  if (!isSigned || spec.effect !== 'write') return;
  const before = await storeFingerprint(handle);
  const replay = await send(port, spec, example, timestamp);
  report.tried += 1;
  judgeRefusal(
    report,
    { ...example, label: 'replay of the valid example', expect: { status: 409, code: 'REPLAYED_REQUEST' } },
    replay,
    changedTables(before, await storeFingerprint(handle)),
  );
}

/** The route's example as a request, with `change` applied to its parts. */
export function exampleCase(
  spec: RouteSpec,
  label: string,
  change: Partial<Omit<WalkCase, 'label' | 'expect'>>,
  expect: WalkCase['expect'] = {},
): WalkCase {
  const body = spec.example.body === undefined ? undefined : JSON.stringify(spec.example.body);
  return {
    label,
    method: spec.method,
    path: pathOf(spec),
    query: new URLSearchParams(spec.example.query ?? {}).toString(),
    body,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    signAs: {},
    expect,
    ...change,
  };
}

export function pathOf(spec: RouteSpec, params: Record<string, string> = {}): string {
  const values = { ...spec.example.params, ...params };
  return spec.path.replace(/:(\w+)/g, (_match, name: string) => values[name] ?? '');
}

function signatureCases(spec: RouteSpec): WalkCase[] {
  const example = exampleCase(spec, '', {});
  const otherMethod = spec.method === 'GET' ? 'POST' : 'GET';
  const tamperedBody = example.body === undefined ? '{}' : `${example.body.toString()} `;
  // A route without a query still has its query signed: naming a portal there must break the signature.
  const tamperedQuery = example.query.includes('portalId=')
    ? example.query.replace(/portalId=\d+/, 'portalId=9000002')
    : [example.query, 'portalId=9000002'].filter((part) => part !== '').join('&');
  return [
    exampleCase(spec, 'unsigned', { signAs: { unsigned: true } }, { status: 401, code: 'SIGNATURE_MISSING' }),
    exampleCase(
      spec,
      'tampered body',
      {
        body: tamperedBody,
        signAs: { body: example.body ?? '' },
        headers: { 'content-type': 'application/json' },
      },
      { status: 401, code: 'SIGNATURE_MISMATCH' },
    ),
    exampleCase(
      spec,
      'tampered path',
      { path: `${example.path}/`, signAs: { path: example.path } },
      { status: 401, code: 'SIGNATURE_MISMATCH' },
    ),
    exampleCase(
      spec,
      'tampered query (another portal)',
      { query: tamperedQuery, signAs: { query: example.query } },
      { status: 401, code: 'SIGNATURE_MISMATCH' },
    ),
    exampleCase(
      spec,
      `other method (${otherMethod})`,
      { method: otherMethod, signAs: { method: spec.method } },
      { status: 401, code: 'SIGNATURE_MISMATCH' },
    ),
    exampleCase(
      spec,
      'wrong secret',
      { signAs: { secret: 'not-the-app-secret' } },
      { status: 401, code: 'SIGNATURE_MISMATCH' },
    ),
    exampleCase(
      spec,
      'expired timestamp',
      { signAs: { timestampShiftMs: -MAX_TIMESTAMP_SKEW_MS - 1 } },
      { status: 401, code: 'SIGNATURE_EXPIRED' },
    ),
    exampleCase(
      spec,
      'future timestamp',
      { signAs: { timestampShiftMs: MAX_TIMESTAMP_SKEW_MS + 1 } },
      { status: 401, code: 'SIGNATURE_EXPIRED' },
    ),
    exampleCase(
      spec,
      'signed for another host',
      { signAs: { origin: 'https://evil.test' } },
      { status: 401, code: 'SIGNATURE_MISMATCH' },
    ),
  ];
}

async function send(port: number, spec: RouteSpec, walkCase: WalkCase, timestamp: number): Promise<Sent> {
  const target = walkCase.query === '' ? walkCase.path : `${walkCase.path}?${walkCase.query}`;
  const headers: Record<string, string> = { ...walkCase.headers };
  const sign = walkCase.signAs;
  if (spec.auth.kind === 'hubspot' && sign.unsigned !== true) {
    const signedTarget = `${sign.path ?? walkCase.path}${(sign.query ?? walkCase.query) === '' ? '' : `?${sign.query ?? walkCase.query}`}`;
    // Shifts are from the service's clock, so an expired case stays expired however far the walk has come.
    const signedAt = String(
      sign.timestampShiftMs === undefined ? timestamp : fixtureNow.getTime() + sign.timestampShiftMs,
    );
    const rawBody = sign.body ?? (Buffer.isBuffer(walkCase.body) ? walkCase.body : (walkCase.body ?? ''));
    headers['x-hubspot-request-timestamp'] = signedAt;
    headers['x-hubspot-signature-v3'] = computeSignatureV3({
      clientSecret: sign.secret ?? testClientSecret,
      method: sign.method ?? walkCase.method,
      uri: `${sign.origin ?? testPublicBaseUrl}${signedTarget}`,
      rawBody,
      timestamp: signedAt,
    });
  }
  const response = await sendRaw(port, { method: walkCase.method, target, headers, body: walkCase.body });
  return { status: response.status, body: response.body };
}

function errorCode(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const error = body.error;
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message, requestId } = error as Record<string, unknown>;
  return typeof code === 'string' && typeof message === 'string' && typeof requestId === 'string'
    ? code
    : undefined;
}
