import { Alert, Button, StatusTag, Table, Text } from '@hubspot/ui-extensions';
import type { IngestKeyCreatedWire, IngestKeyWire } from '@harbor/wire';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { SettingsPage } from './SettingsPage.tsx';
import { fakeService, json, readText, setUp, type } from './settings-page-test-kit.tsx';
import { fixtureView } from './settings-view.fixture.ts';

const liveKey: IngestKeyWire = {
  id: 1,
  name: 'Product usage export',
  prefix: 'hik_3fa9c2',
  createdBy: 'hubspot-user:7001',
  createdAt: '2026-11-20T12:00:00.000Z',
  revokedAt: null,
};
const revokedKey: IngestKeyWire = {
  ...liveKey,
  id: 2,
  name: 'Old export',
  revokedAt: '2026-11-22T12:00:00.000Z',
};
const newKey: IngestKeyCreatedWire = {
  key: { ...liveKey, id: 3, name: 'Billing sync', prefix: 'hik_Zq81mA' },
  secret: 'hik_Zq81mAsecretsecretsecretsecretsecretsecret',
};

describe('the settings page’s Usage data tab', () => {
  const service = fakeService();
  let keys: IngestKeyWire[];

  const open = async (locale?: string) => {
    service.serve(fixtureView(), (method, url) => {
      if (method === 'GET' && url.pathname === '/api/settings/ingest-keys') return json({ keys });
      if (method === 'POST' && url.pathname === '/api/settings/ingest-keys') {
        keys = [newKey.key, ...keys];
        return json(newKey, 201);
      }
      if (method === 'POST' && url.pathname === '/api/settings/ingest-keys/1/revoke') {
        keys = keys.map((key) => (key.id === 1 ? { ...key, revokedAt: '2026-11-24T12:00:00.000Z' } : key));
        return json(keys.find((key) => key.id === 1));
      }
      return undefined;
    });
    const renderer = setUp(locale === undefined ? {} : { locale });
    renderer.render(<SettingsPage context={renderer.mocks.context} />);
    await renderer.waitFor(() => {
      expect(renderer.maybeFindByTestId(Table, 'usage-keys')).not.toBeNull();
    });
    return renderer;
  };

  beforeEach(() => {
    service.start();
    keys = [liveKey, revokedKey];
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('when the tab opens, then each key shows its name, prefix and whether it is active, never the key', async () => {
    const renderer = await open();
    const table = readText(renderer.findByTestId(Table, 'usage-keys'));
    expect(table).toContain('Product usage export');
    expect(table).toContain('hik_3fa9c2…');
    expect(readText(renderer.findByTestId(StatusTag, 'usage-key-status-1'))).toBe('Active');
    expect(readText(renderer.findByTestId(StatusTag, 'usage-key-status-2'))).toMatch(/^Revoked /);
    expect(renderer.maybeFindByTestId(Button, 'usage-key-revoke-2')).toBeNull();
  });

  it('when an admin creates a key, then it is shown once with how to send it, and the list has it', async () => {
    const renderer = await open();
    type(renderer, 'usage-key-name', 'Billing sync');
    renderer.findByTestId(Button, 'usage-key-create').trigger('onClick');
    await renderer.waitFor(() => {
      expect(renderer.maybeFindByTestId(Alert, 'usage-key-created')).not.toBeNull();
    });
    expect(renderer.findByTestId(Text, 'usage-key-secret').text).toBe(newKey.secret);
    expect(readText(renderer.findByTestId(Alert, 'usage-key-created'))).toContain(
      'Authorization: Bearer <key>',
    );
    expect(service.requests.find((request) => request.method === 'POST')?.body).toEqual({
      name: 'Billing sync',
    });
    await renderer.waitFor(() => {
      expect(readText(renderer.findByTestId(Table, 'usage-keys'))).toContain('Billing sync');
    });
  });

  it('when an admin revokes a key, then it reads revoked; in Portuguese the tab speaks Portuguese', async () => {
    const renderer = await open('pt-br');
    renderer.findByTestId(Button, 'usage-key-revoke-1').trigger('onClick');
    await renderer.waitFor(() => {
      expect(readText(renderer.findByTestId(StatusTag, 'usage-key-status-1'))).toMatch(/^Revogada em /);
    });
    expect(readText(renderer.findByTestId(StatusTag, 'usage-key-status-2'))).toMatch(/^Revogada em /);
  });
});
