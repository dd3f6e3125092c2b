import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { SearchFilter, SearchSort } from './gateway-types.ts';
import { lastModifiedPropertyFor, searchModifiedSince } from './search-windows.ts';
import { createTestApi } from './testing/test-kit.ts';

interface FakeRecord {
  id: string;
  modifiedMs: number;
}

interface SearchBody {
  filterGroups: { filters: SearchFilter[] }[];
  sorts: SearchSort[];
  properties: string[];
  limit: number;
  after: string;
}

const base = Date.parse('2025-01-01T00:00:00Z');

/** A search endpoint with HubSpot's rules: ≤ 200 per page, 400 past 10,000 results, one sort. */
function createFakeSearch(records: FakeRecord[], modifiedProperty: string) {
  let requests = 0;
  let afterPageHook: (() => void) | undefined;
  const app = express();
  app.use(express.json());
  app.post('/crm/v3/objects/:type/search', (req, res) => {
    requests += 1;
    const body = req.body as SearchBody;
    const offset = Number(body.after);
    if (body.limit > 200 || offset + body.limit > 10_000) {
      res
        .status(400)
        .json({ status: 'error', message: 'paging past 10,000 results', category: 'VALIDATION_ERROR' });
      return;
    }
    const value = (record: FakeRecord, name: string): number => {
      if (name === 'hs_object_id') return Number(record.id);
      if (name === modifiedProperty) return record.modifiedMs;
      throw new Error(`fake cannot filter or sort on ${name}`);
    };
    const matches = records.filter((record) =>
      (body.filterGroups[0]?.filters ?? []).every((filter) => {
        const left = value(record, filter.propertyName);
        const right = Number(filter.value);
        if (filter.operator === 'GTE') return left >= right;
        if (filter.operator === 'GT') return left > right;
        if (filter.operator === 'EQ') return left === right;
        throw new Error(`fake does not support ${filter.operator}`);
      }),
    );
    const sort = body.sorts[0];
    if (sort === undefined || typeof sort !== 'object') throw new Error('expected one sort object');
    // Ties come back in reverse id order, so the walk cannot lean on any tie order.
    matches.sort(
      (a, b) => value(a, sort.propertyName) - value(b, sort.propertyName) || Number(b.id) - Number(a.id),
    );
    const page = matches.slice(offset, offset + body.limit);
    const hasMore = offset + body.limit < matches.length;
    res.json({
      total: matches.length,
      results: page.map((record) => ({
        id: record.id,
        properties: {
          hs_object_id: record.id,
          [modifiedProperty]: new Date(record.modifiedMs).toISOString(),
        },
        createdAt: new Date(base).toISOString(),
        updatedAt: new Date(record.modifiedMs).toISOString(),
        archived: false,
      })),
      ...(hasMore ? { paging: { next: { after: String(offset + body.limit) } } } : {}),
    });
    afterPageHook?.();
  });
  return {
    app,
    requests: () => requests,
    onEachPage: (hook: () => void) => {
      afterPageHook = hook;
    },
  };
}

async function listen(app: express.Express): Promise<{ server: Server; baseUrl: string }> {
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => {
      resolve({ server, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    });
  });
}

async function collectIds(baseUrl: string, objectType: string, sinceMs: number): Promise<string[]> {
  const { api } = createTestApi({ basePath: baseUrl });
  const ids: string[] = [];
  for await (const page of searchModifiedSince(api, objectType, { sinceMs, properties: ['name'] })) {
    ids.push(...page.results.map((record) => record.id));
  }
  return ids;
}

describe('searchModifiedSince', () => {
  // 25,000 records in groups of three per timestamp, plus 450 sharing one timestamp (more than a page).
  const records: FakeRecord[] = [
    ...Array.from({ length: 25_000 }, (_, index) => ({
      id: String(index + 1),
      modifiedMs: base + Math.floor(index / 3) * 1_000,
    })),
    ...Array.from({ length: 450 }, (_, index) => ({
      id: String(30_001 + index),
      modifiedMs: base + 5_000_000,
    })),
  ];
  const fake = createFakeSearch(records, 'hs_lastmodifieddate');
  let running: { server: Server; baseUrl: string };

  beforeAll(async () => {
    running = await listen(fake.app);
  });
  afterAll(async () => {
    await new Promise((resolve) => running.server.close(resolve));
  });

  it('when more than 10,000 records changed, then every one comes back exactly once', async () => {
    const ids = await collectIds(running.baseUrl, 'companies', base);

    expect(ids).toHaveLength(records.length);
    expect(new Set(ids).size).toBe(records.length);
    // About one request per 200 records, plus the re-read of each page's boundary timestamp.
    expect(fake.requests()).toBeLessThan(Math.ceil(records.length / 195) + 5);
  });

  it('when starting mid-way, then only records modified at or after the start come back', async () => {
    const since = base + 1_000 * 1_000;
    const ids = await collectIds(running.baseUrl, 'companies', since);
    const expected = records.filter((record) => record.modifiedMs >= since);
    expect(new Set(ids)).toEqual(new Set(expected.map((record) => record.id)));
    expect(ids).toHaveLength(expected.length);
  });
});

describe('searchModifiedSince while records change', () => {
  it('when a record already returned is modified mid-walk, then no other record is skipped', async () => {
    const records: FakeRecord[] = Array.from({ length: 2_000 }, (_, index) => ({
      id: String(index + 1),
      modifiedMs: base + index * 10,
    }));
    const fake = createFakeSearch(records, 'hs_lastmodifieddate');
    let pages = 0;
    fake.onEachPage(() => {
      pages += 1;
      // After the second page, record 5 is edited: it moves to the end, shifting every later offset by one.
      const edited = records[4];
      if (pages === 2 && edited !== undefined) edited.modifiedMs = base + 1_000_000;
    });
    const running = await listen(fake.app);
    try {
      const ids = await collectIds(running.baseUrl, 'deals', base);
      expect(new Set(ids).size).toBe(2_000);
      // Record 5 comes twice (before and after its edit); nothing else repeats.
      expect(ids).toHaveLength(2_001);
    } finally {
      await new Promise((resolve) => running.server.close(resolve));
    }
  });

  it('when walking contacts, then lastmodifieddate is the time property', async () => {
    expect(lastModifiedPropertyFor('contacts')).toBe('lastmodifieddate');
    expect(lastModifiedPropertyFor('companies')).toBe('hs_lastmodifieddate');
    const records = Array.from({ length: 450 }, (_, index) => ({
      id: String(index + 1),
      modifiedMs: base + index,
    }));
    const running = await listen(createFakeSearch(records, 'lastmodifieddate').app);
    try {
      expect(await collectIds(running.baseUrl, 'contacts', base)).toHaveLength(450);
    } finally {
      await new Promise((resolve) => running.server.close(resolve));
    }
  });
});
