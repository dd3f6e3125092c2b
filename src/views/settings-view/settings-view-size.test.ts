import {
  historyChangeLimit,
  settingsHistoryLimit,
  settingsProposalLimit,
  settingsViewWire,
  type SettingsViewWire,
} from '@harbor/wire';
import { describe, expect, it } from 'vitest';

import { largestHealthModel } from '../../../test/security/largest-values.ts';
import { maxResponseBytes } from '../../http/route-table/register-routes.ts';
import { capMappedProperties, fitCompanyProperties, modelChanges } from './settings-view.pure.ts';

const text = (length: number, seed: string) => seed.repeat(Math.ceil(length / seed.length)).slice(0, length);

describe('the largest settings view', () => {
  it('when every part is as large as its limits allow, then the answer still fits hubspot.fetch’s 1 MB', () => {
    const model = largestHealthModel();
    const segments = Object.keys(model.segments);
    const card = (segment: string) => ({
      segment,
      accounts: 123_456_789,
      churned: 123_456_789,
      unscored: 123_456_789,
      auc: 0.123456789012345,
      topDecileLift: 12.3456789012345,
      brier: 0.123456789012345,
      falseGreenRate: 0.123456789012345,
    });
    const reportCard = { overall: card('all'), segments: segments.map(card) };
    const weights = Object.fromEntries(
      segments.map((segment) => [
        segment,
        { usage: 99.99, support: 99.99, payment: 99.99, engagement: 99.99, sentiment: 99.99, custom: 99.99 },
      ]),
    );
    const many = Array.from({ length: 5000 }, (_unused, index) => ({
      name: text(100, `p${index}_`),
      label: text(200, `Label ${index} `),
      type: 'enumeration',
      hidden: false,
      options: Array.from({ length: 150 }, (_unused2, option) => ({
        label: text(200, `o${option} `),
        value: text(200, `v${option}`),
        hidden: false,
      })),
    }));
    const changes = modelChanges(
      Object.fromEntries(
        Array.from({ length: 50 }, (_unused, index) => [text(400, `k${index}`), text(500, 'a')]),
      ),
      Object.fromEntries(
        Array.from({ length: 50 }, (_unused, index) => [text(400, `k${index}`), text(500, 'b')]),
      ),
    );
    expect(changes.changes).toHaveLength(historyChangeLimit);
    const view: SettingsViewWire = {
      active: {
        version: 2_147_483_647,
        model,
        source: 'calibration',
        createdBy: `hubspot-user:${'9'.repeat(20)}`,
        createdAt: '2026-12-03T10:00:00.000Z',
      },
      mappedProperties: capMappedProperties(
        Object.fromEntries(
          ['companies', 'deals', 'tickets', 'contacts', 'feedback_submissions'].map((type) => [
            type,
            Array.from({ length: 500 }, (_unused, index) => text(100, `m${index}_`)),
          ]),
        ),
      ),
      companyProperties: { source: 'hubspot', ...fitCompanyProperties(many) },
      proposals: Array.from({ length: settingsProposalLimit }, (_unused, index) => ({
        id: 2_147_483_647 - index,
        createdAt: '2026-12-03T10:00:00.000Z',
        createdBy: `hubspot-user:${'9'.repeat(20)}`,
        createdByName: text(200, 'Name '),
        baseModelVersion: 2_147_483_647,
        status: 'proposed' as const,
        decidedBy: `hubspot-user:${'9'.repeat(20)}`,
        decidedAt: '2026-12-03T10:00:00.000Z',
        report: {
          leadDays: 180,
          outcomes: 123_456_789,
          cases: 123_456_789,
          heldOutCases: 123_456_789,
          current: reportCard,
          proposed: reportCard,
          weights,
          recommendation: { apply: true, reason: text(1000, 'reason ') },
        },
      })),
      history: {
        versions: Array.from({ length: settingsHistoryLimit }, (_unused, index) => ({
          version: 2_147_483_647 - index,
          source: 'admin' as const,
          createdBy: `hubspot-user:${'9'.repeat(20)}`,
          createdByName: text(200, 'Name '),
          createdAt: '2026-12-03T10:00:00.000Z',
          ...changes,
        })),
        before: '2147483627',
      },
      canEdit: true,
    };
    const bytes = Buffer.byteLength(JSON.stringify(settingsViewWire.parse(view)));
    // Room to spare: the largest model alone is about half of it.
    expect(bytes).toBeLessThan(maxResponseBytes * 0.95);
  });
});
