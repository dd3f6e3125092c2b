import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import { z } from 'zod';

/** A UI extension of the project, as its *-hsmeta.json declares it. */
export interface DiscoveredExtension {
  uid: string;
  type: 'card' | 'settings' | 'page';
  name: string;
  /** Where HubSpot shows it: crm.record.tab, crm.record.sidebar, settings, pages or home. */
  location: string;
  /** Absolute path of the entry file. */
  entrypoint: string;
  objectTypes: string[];
}

const hsmetaSchema = z.looseObject({
  uid: z.string(),
  type: z.string(),
  config: z.looseObject({
    name: z.string().optional(),
    location: z.string().optional(),
    entrypoint: z.string().optional(),
    objectTypes: z.array(z.string()).optional(),
  }),
});

async function findHsmetaFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await findHsmetaFiles(path)));
    else if (entry.name.endsWith('-hsmeta.json')) found.push(path);
  }
  return found;
}

/**
 * The project's cards, settings page and pages, read from app/**\/*-hsmeta.json. Entry points are relative to
 * the project's srcDir (hsproject.json), which is the repository root here.
 */
export async function discoverExtensions(projectRoot: string): Promise<DiscoveredExtension[]> {
  const files = (await findHsmetaFiles(join(projectRoot, 'app'))).sort();
  const extensions: DiscoveredExtension[] = [];
  for (const file of files) {
    const parsed = hsmetaSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (!parsed.success) continue;
    const { uid, type, config } = parsed.data;
    if (config.entrypoint === undefined) continue;
    if (type !== 'card' && type !== 'settings' && type !== 'page') continue;
    const location = type === 'settings' ? 'settings' : (config.location ?? (type === 'page' ? 'pages' : ''));
    extensions.push({
      uid,
      type,
      name: config.name ?? uid,
      location,
      entrypoint: resolve(
        projectRoot,
        `.${config.entrypoint.startsWith('/') ? '' : '/'}${config.entrypoint}`,
      ),
      objectTypes: config.objectTypes ?? [],
    });
  }
  return extensions;
}
