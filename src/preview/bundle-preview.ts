import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import { build, type Plugin } from 'esbuild';

import { discoverExtensions, type DiscoveredExtension } from './discover-extensions.ts';

const browserDir = join(import.meta.dirname, 'browser');

/** What the app's code imports from HubSpot, and the preview's browser implementation of each. */
export const shimModules: Readonly<Record<string, string>> = {
  '@hubspot/ui-extensions': join(browserDir, 'ui-extensions.tsx'),
  '@hubspot/ui-extensions/crm': join(browserDir, 'crm.tsx'),
  '@hubspot/ui-extensions/pages': join(browserDir, 'pages.tsx'),
  '@hubspot/ui-extensions/pages/home': join(browserDir, 'pages.tsx'),
};

const hubspotShim: Plugin = {
  name: 'hubspot-ui-extensions-shim',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^@hubspot\/ui-extensions(\/.*)?$/ }, (args) => {
      const path = shimModules[args.path];
      if (path !== undefined) return { path };
      return {
        errors: [
          { text: `${args.path} has no browser implementation in the preview (see src/preview/browser/)` },
        ],
      };
    });
  },
};

/** The bundle's entry: the host page plus every extension, each loaded only when its view shows it. */
function entrySource(extensions: readonly DiscoveredExtension[]): string {
  const list = extensions.map(
    (extension) =>
      `{ uid: ${JSON.stringify(extension.uid)}, type: ${JSON.stringify(extension.type)}, ` +
      `name: ${JSON.stringify(extension.name)}, location: ${JSON.stringify(extension.location)}, ` +
      `load: () => import(${JSON.stringify(extension.entrypoint)}) }`,
  );
  return [
    `import { startPreview } from ${JSON.stringify(join(browserDir, 'host.tsx'))};`,
    `startPreview([\n  ${list.join(',\n  ')}\n]).catch((error) => {`,
    `  document.getElementById('preview-root').textContent = 'The preview could not start: ' + error.message;`,
    `  throw error;`,
    `});`,
  ].join('\n');
}

const entryName = 'harbor-preview-entry.ts';

export interface PreviewBundle {
  code: string;
  extensions: DiscoveredExtension[];
  /** Files the bundle was built from (outside node_modules), to notice edits. */
  inputs: string[];
  builtAt: number;
}

export async function bundlePreview(projectRoot: string): Promise<PreviewBundle> {
  const extensions = await discoverExtensions(projectRoot);
  const builtAt = Date.now();
  const result = await build({
    stdin: {
      contents: entrySource(extensions),
      resolveDir: projectRoot,
      sourcefile: entryName,
      loader: 'ts',
    },
    absWorkingDir: projectRoot,
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"development"' },
    sourcemap: 'inline',
    // The sources are on this machine; the map only has to point at them.
    sourcesContent: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [hubspotShim],
  });
  const code = result.outputFiles[0]?.text ?? '';
  const inputs = Object.keys(result.metafile.inputs)
    .filter((input) => !input.includes('node_modules') && input !== entryName)
    .map((input) => resolve(projectRoot, input));
  return { code, extensions, inputs, builtAt };
}

/** Whether a file the bundle read, or the set of extensions, changed since it was built. */
export async function isBundleStale(bundle: PreviewBundle, projectRoot: string): Promise<boolean> {
  const extensions = await discoverExtensions(projectRoot);
  if (JSON.stringify(extensions) !== JSON.stringify(bundle.extensions)) return true;
  for (const input of bundle.inputs) {
    const changed = await stat(input).then(
      (info) => info.mtimeMs > bundle.builtAt,
      () => true,
    );
    if (changed) return true;
  }
  return false;
}
