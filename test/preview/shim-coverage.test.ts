import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

import { describe, expect, it } from 'vitest';

import { shimModules } from '../../src/preview/bundle-preview.ts';

const root = join(import.meta.dirname, '..', '..');

async function appSources(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await appSources(path)));
    // Tests render with HubSpot's own testing kit, never in the preview.
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) found.push(path);
  }
  return found;
}

const importPattern =
  /import\s+(type\s+)?\{([^}]*)\}\s*from\s*['"](@hubspot\/ui-extensions(?:\/[\w/-]+)?)['"]/g;

/** Every value (not type) the app's code imports from HubSpot's packages, by module, with a file using it. */
async function valueImports(): Promise<Map<string, Map<string, string>>> {
  const byModule = new Map<string, Map<string, string>>();
  for (const file of await appSources(join(root, 'app'))) {
    const source = await readFile(file, 'utf8');
    for (const match of source.matchAll(importPattern)) {
      if (match[1] !== undefined) continue;
      const module = match[3] ?? '';
      const names = byModule.get(module) ?? new Map<string, string>();
      for (const specifier of (match[2] ?? '').split(',')) {
        const trimmed = specifier.trim();
        if (trimmed === '' || trimmed.startsWith('type ')) continue;
        names.set(trimmed.split(/\s+as\s+/)[0] ?? trimmed, relative(root, file));
      }
      byModule.set(module, names);
    }
  }
  return byModule;
}

async function shimExports(module: string): Promise<Set<string>> {
  const path = shimModules[module];
  if (path === undefined) return new Set();
  return new Set(Object.keys((await import(path)) as Record<string, unknown>));
}

describe('the preview’s browser implementation of @hubspot/ui-extensions', () => {
  it('when app code imports a HubSpot component, hook or helper, then the preview implements it', async () => {
    const imports = await valueImports();
    // The scan itself must see the app's imports (harbor-fetch.ts calls hubspot.fetch).
    expect(imports.get('@hubspot/ui-extensions')?.has('hubspot')).toBe(true);
    const missing: string[] = [];
    for (const [module, names] of imports) {
      if (module === '@hubspot/ui-extensions/testing') continue;
      const exported = await shimExports(module);
      for (const [name, file] of names)
        if (!exported.has(name)) missing.push(`${name} from ${module} (used in ${file})`);
    }
    expect(missing, 'add these to src/preview/browser/').toEqual([]);
  });

  it('when a card uses any component of the set Harbor designs with, then the preview draws it', async () => {
    const components = await shimExports('@hubspot/ui-extensions');
    const expected = [
      'Accordion',
      'Alert',
      'BarChart',
      'Box',
      'Button',
      'ButtonRow',
      'Card',
      'DescriptionList',
      'DescriptionListItem',
      'Divider',
      'Dropdown',
      'EmptyState',
      'ErrorState',
      'Flex',
      'Form',
      'Heading',
      'Icon',
      'Inline',
      'Input',
      'LineChart',
      'Link',
      'List',
      'LoadingButton',
      'LoadingSpinner',
      'Modal',
      'ModalBody',
      'ModalFooter',
      'NumberInput',
      'Panel',
      'PanelBody',
      'PanelFooter',
      'PanelSection',
      'ProgressBar',
      'ScoreCircle',
      'Select',
      'Statistics',
      'StatisticsItem',
      'StatisticsTrend',
      'StatusTag',
      'Tab',
      'Tabs',
      'Table',
      'TableBody',
      'TableCell',
      'TableFooter',
      'TableHead',
      'TableHeader',
      'TableRow',
      'Tag',
      'Text',
      'TextArea',
      'Tile',
      'Toggle',
      'Tooltip',
      'hubspot',
      'useExtensionContext',
      'useExtensionActions',
    ];
    expect(expected.filter((name) => !components.has(name))).toEqual([]);
    const crm = await shimExports('@hubspot/ui-extensions/crm');
    expect(['CrmActionButton', 'CrmActionLink'].filter((name) => !crm.has(name))).toEqual([]);
    const pages = await shimExports('@hubspot/ui-extensions/pages');
    expect(
      [
        'createPageRouter',
        'PageRoutes',
        'usePageRoute',
        'PageLink',
        'PageHeader',
        'PageTitle',
        'PageBreadcrumbs',
      ].filter((name) => !pages.has(name)),
    ).toEqual([]);
  });
});
