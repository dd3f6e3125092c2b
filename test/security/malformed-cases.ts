import { gzipSync } from 'node:zlib';

import type { RouteSpec } from '../../src/http/route-table/route-spec.ts';
import { exampleCase, pathOf } from './security-walk.ts';

/** One request of the walk: what is sent, how it is signed (when the route is signed), what must come back. */
export interface WalkCase {
  label: string;
  method: string;
  path: string;
  /** Already encoded: malformed escapes go through as written. */
  query: string;
  body: string | Buffer | undefined;
  headers: Record<string, string>;
  /** Departures from signing exactly what is sent (the signature attacks). */
  signAs: {
    unsigned?: boolean;
    secret?: string;
    method?: string;
    origin?: string;
    path?: string;
    query?: string;
    body?: string | Buffer;
    timestampShiftMs?: number;
  };
  expect: { status?: number; code?: string; notStatus?: number };
  /**
   * A fault inside one item of the body (a string or number of it): a route with `itemChecks` may answer
   * 2xx for it, as long as the only table it writes is its refusals table.
   */
  isItemFault?: boolean;
}

const json = { 'content-type': 'application/json' };

const badIds = [
  '0x10',
  '+1001',
  '1e3',
  '-1',
  '0',
  '2147483648',
  '9223372036854775808',
  '99999999999999999999999',
  "1' OR '1'='1",
  '1;drop table portals',
  'a\u0000b',
];
const badPortalIds = [
  '0x895441',
  '9.000001e6',
  '+9000001',
  ' 9000001',
  '9000001 ',
  '',
  '09000001',
  '-9000001',
  "9000001' --",
  '99999999999999999999',
];
const badQueryValues = [
  '',
  'abc',
  '-1',
  '0',
  '2147483648',
  '9223372036854775808',
  '1e400',
  'a\u0000b',
  '\ud800',
];

/** The malformed corpus for one route, built from its example so that only one thing is wrong at a time. */
export function malformedCases(spec: RouteSpec): WalkCase[] {
  // A signed malformed request must be refused by the parsers, not by the signature check.
  const refused: WalkCase['expect'] = spec.auth.kind === 'hubspot' ? { notStatus: 401 } : {};
  return [
    ...identityCases(spec),
    ...paramCases(spec, refused),
    ...queryCases(spec, refused),
    ...bodyCases(spec, refused),
  ];
}

function identityCases(spec: RouteSpec): WalkCase[] {
  if (spec.identity.kind !== 'signed-url') return [];
  const base = new URLSearchParams(spec.example.query ?? {});
  const withPortal = (values: string[]): string => {
    const query = new URLSearchParams(base);
    query.delete('portalId');
    for (const value of values) query.append('portalId', value);
    return query.toString();
  };
  const cases = badPortalIds.map((value) =>
    exampleCase(
      spec,
      `portalId ${JSON.stringify(value)}`,
      { query: withPortal([value]) },
      { status: 400, code: 'IDENTITY_INVALID' },
    ),
  );
  cases.push(
    exampleCase(spec, 'no portalId', { query: withPortal([]) }, { status: 400, code: 'IDENTITY_INVALID' }),
    exampleCase(
      spec,
      'two portals',
      { query: withPortal(['9000001', '9000002']) },
      { status: 400, code: 'IDENTITY_INVALID' },
    ),
    exampleCase(
      spec,
      'portal_id spelling',
      { query: `${withPortal(['9000001'])}&portal_id=9000002` },
      { status: 400, code: 'IDENTITY_INVALID' },
    ),
    exampleCase(
      spec,
      'portalId malformed escape',
      { query: withPortal([]) + '&portalId=%ZZ' },
      { status: 400, code: 'IDENTITY_INVALID' },
    ),
    exampleCase(
      spec,
      'portal without install',
      { query: withPortal(['9000002']) },
      { status: 403, code: 'PORTAL_NOT_INSTALLED' },
    ),
  );
  if (spec.identity.user === 'member') {
    const withUser = (values: string[]): string => {
      const query = new URLSearchParams(base);
      query.delete('userId');
      for (const value of values) query.append('userId', value);
      return query.toString();
    };
    cases.push(
      exampleCase(spec, 'no userId', { query: withUser([]) }, { status: 400, code: 'IDENTITY_INVALID' }),
      exampleCase(
        spec,
        'userId not digits',
        { query: withUser(['admin@customer.example']) },
        { status: 400, code: 'IDENTITY_INVALID' },
      ),
      exampleCase(
        spec,
        'two users',
        { query: withUser(['7001', '7002']) },
        { status: 400, code: 'IDENTITY_INVALID' },
      ),
      exampleCase(
        spec,
        'user of another portal',
        { query: withUser(['7002']) },
        { status: 403, code: 'USER_NOT_IN_PORTAL' },
      ),
    );
  }
  return cases;
}

function paramCases(spec: RouteSpec, refused: WalkCase['expect']): WalkCase[] {
  const names = Object.keys(spec.example.params ?? {});
  const cases: WalkCase[] = [];
  for (const name of names) {
    for (const value of badIds)
      cases.push(
        exampleCase(
          spec,
          `param ${name}=${JSON.stringify(value)}`,
          { path: pathOf(spec, { [name]: encodeURIComponent(value) }) },
          refused,
        ),
      );
    cases.push(
      exampleCase(
        spec,
        `param ${name} malformed escape`,
        { path: pathOf(spec, { [name]: '%ZZ' }) },
        { status: 400 },
      ),
      exampleCase(
        spec,
        `param ${name} lone surrogate`,
        { path: pathOf(spec, { [name]: '%ED%A0%80' }) },
        { status: 400 },
      ),
    );
  }
  if (names.length === 0)
    cases.push(exampleCase(spec, 'malformed escape in path', { path: `${spec.path}%ZZ` }, refused));
  return cases;
}

function queryCases(spec: RouteSpec, refused: WalkCase['expect']): WalkCase[] {
  const base = new URLSearchParams(spec.example.query ?? {});
  const cases: WalkCase[] = [];
  const plain = [...base.keys()].filter((name) => name !== 'portalId' && name !== 'userId');
  for (const name of plain) {
    for (const value of badQueryValues) {
      const query = new URLSearchParams(base);
      query.set(name, value);
      cases.push(
        exampleCase(spec, `query ${name}=${JSON.stringify(value)}`, { query: query.toString() }, refused),
      );
    }
    const repeated = new URLSearchParams(base);
    repeated.append(name, base.get(name) ?? '1');
    cases.push(
      exampleCase(spec, `query ${name} twice`, { query: repeated.toString() }, refused),
      exampleCase(spec, `query ${name}[]`, { query: `${base.toString()}&${name}[]=1` }, refused),
      exampleCase(
        spec,
        `query ${name} malformed escape`,
        { query: `${base.toString()}&${name}=%ZZ` },
        refused,
      ),
    );
  }
  cases.push(
    exampleCase(spec, 'unknown query parameter', { query: `${base.toString()}&unknown=1` }, refused),
  );
  return cases;
}

function bodyCases(spec: RouteSpec, refused: WalkCase['expect']): WalkCase[] {
  const example = spec.example.body;
  const text = example === undefined ? '{"unexpected":1}' : JSON.stringify(example);
  const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
  const cases: WalkCase[] = [
    exampleCase(spec, 'body not JSON', { body: '{"a":', headers: json }, refused),
    exampleCase(spec, 'body a JSON string', { body: '"x"', headers: json }, refused),
    exampleCase(spec, 'body an array for an object', { body: '[]', headers: json }, refused),
    exampleCase(spec, 'body nested 5,000 deep', { body: `{"a":${deep}}`, headers: json }, refused),
    exampleCase(
      spec,
      'body over the size limit',
      { body: `{"a":"${'x'.repeat(1_100_000)}"}`, headers: json },
      { status: 413 },
    ),
    exampleCase(
      spec,
      'body claims gzip but is not',
      { body: text, headers: { ...json, 'content-encoding': 'gzip' } },
      refused,
    ),
    exampleCase(
      spec,
      'body in an unknown encoding',
      { body: gzipSync(text), headers: { ...json, 'content-encoding': 'compress' } },
      { status: 415 },
    ),
    exampleCase(
      spec,
      'body of invalid UTF-8',
      {
        body: Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]),
        headers: json,
      },
      refused,
    ),
    exampleCase(
      spec,
      'body with a NUL character',
      { body: withFirstString(example, 'a\u0000b'), headers: json, isItemFault: true },
      refused,
    ),
    exampleCase(
      spec,
      'body with a lone surrogate',
      { body: withFirstString(example, '\ud800'), headers: json, isItemFault: true },
      refused,
    ),
    exampleCase(
      spec,
      'body number past any range',
      {
        body: numberPastRange(text),
        headers: json,
        isItemFault: true,
      },
      refused,
    ),
  ];
  if (example !== undefined && typeof example === 'object' && example !== null && !Array.isArray(example)) {
    for (const key of Object.keys(example)) {
      for (const wrong of [123, 'x', [], null, true]) {
        const body = JSON.stringify({ ...(example as Record<string, unknown>), [key]: wrong });
        cases.push(
          exampleCase(spec, `body ${key} as ${JSON.stringify(wrong)}`, { body, headers: json }, refused),
        );
      }
    }
  }
  return cases;
}

/** The example body with its first number made 1e400; a body with no number gets one it must refuse. */
function numberPastRange(text: string): string {
  const replaced = text.replace(/:(-?\d+(\.\d+)?)([,}\]])/, ':1e400$3');
  if (replaced !== text) return replaced;
  return text.startsWith('{') && text !== '{}'
    ? text.replace(/^\{/, '{"unexpected":1e400,')
    : '{"unexpected":1e400}';
}

/** The example body with its first string value replaced (or a string added when it has none). */
function withFirstString(example: unknown, replacement: string): string {
  // An object, not a let: the closure's writes are invisible to narrowing.
  const state = { done: false };
  const visit = (value: unknown): unknown => {
    if (state.done) return value;
    if (typeof value === 'string') {
      state.done = true;
      return replacement;
    }
    if (Array.isArray(value)) return value.map(visit);
    if (typeof value === 'object' && value !== null)
      return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, visit(child)]));
    return value;
  };
  const changed = visit(example ?? {});
  return JSON.stringify(state.done ? changed : { ...(changed as object), note: replacement });
}
