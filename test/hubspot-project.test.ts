import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ENVIRONMENT_VARIABLES } from '@hubspot/local-dev-lib/constants/config';
import { getConfigAtPath } from '@hubspot/local-dev-lib/config/migrate';
import { http } from '@hubspot/local-dev-lib/http';
import { shouldIgnoreFile } from '@hubspot/local-dev-lib/ignoreRules';
import {
  getAllHsProfiles,
  getHsProfileFilename,
  loadHsProfileFile,
  validateProfileVariables,
} from '@hubspot/project-parsing-lib/profiles';
import {
  isKnownPlatformVersion,
  LATEST_SUPPORTED_PLATFORM_VERSION,
  parseProjectConfig,
  validateProjectConfig,
} from '@hubspot/project-parsing-lib/projects';
import { isTranslationError, translate } from '@hubspot/project-parsing-lib/translate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

// The one network call of @hubspot/project-parsing-lib: translate() without skipValidation downloads
// HubSpot's component JSON schemas with `http.get(accountId, { url:
// 'project-components-external/project-schemas/v3/{platformVersion}' })` (src/lib/schemas.js). We replace
// that call with a hand-written schema map so that all of the library's own structural checks (JSON
// parsing, allowed top-level keys, uid rules, folder rules, singular components, profile substitution,
// Ajv validation of `config`) run offline.
//
// NOT HubSpot's schema: HubSpot's real component schemas can only be fetched with an authenticated account
// (`hs project validate`). This one encodes only what the app-configuration reference and the official
// templates state: required name/distribution/auth, the two distributions and auth types, scope lists as
// string arrays, the permittedUrls and support keys, and "fetch URLs must be valid HTTPS URLs and cannot be
// localhost" (developers.hubspot.com, "Fetching data").
const stringList = { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true };
const urlList = { type: 'array', items: { type: 'string', format: 'uri' } };
const OFFLINE_SCHEMAS = {
  APPLICATION: {
    type: 'object',
    required: ['name', 'distribution', 'auth'],
    properties: {
      name: { type: 'string', minLength: 1 },
      description: { type: 'string' },
      distribution: { enum: ['private', 'marketplace'] },
      auth: {
        type: 'object',
        required: ['type', 'requiredScopes'],
        properties: {
          type: { enum: ['static', 'oauth'] },
          redirectUrls: urlList,
          requiredScopes: stringList,
          optionalScopes: stringList,
          conditionallyRequiredScopes: stringList,
        },
      },
      permittedUrls: {
        type: 'object',
        additionalProperties: false,
        properties: {
          fetch: {
            type: 'array',
            items: {
              type: 'string',
              format: 'uri',
              pattern: '^https://(?!localhost|127\\.0\\.0\\.1|\\[::1\\])',
            },
          },
          iframe: urlList,
          img: urlList,
        },
      },
      support: {
        type: 'object',
        additionalProperties: false,
        properties: {
          supportEmail: { type: 'string', format: 'email' },
          documentationUrl: { type: 'string', format: 'uri' },
          supportUrl: { type: 'string', format: 'uri' },
          supportPhone: { type: 'string' },
        },
      },
    },
  },
  // Webhooks: only what the "configure webhooks" reference states (settings.targetUrl and
  // maxConcurrentRequests; subscriptions as crmObjects / legacyCrmObjects / hubEvents arrays of
  // { subscriptionType, objectType?, propertyName?, active }); a delivery URL must be HTTPS, not localhost.
  WEBHOOKS: {
    type: 'object',
    required: ['settings', 'subscriptions'],
    properties: {
      settings: {
        type: 'object',
        required: ['targetUrl', 'maxConcurrentRequests'],
        additionalProperties: false,
        properties: {
          targetUrl: {
            type: 'string',
            format: 'uri',
            pattern: '^https://(?!localhost|127\\.0\\.0\\.1|\\[::1\\])',
          },
          maxConcurrentRequests: { type: 'integer', minimum: 1 },
        },
      },
      subscriptions: {
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(
          ['crmObjects', 'legacyCrmObjects', 'hubEvents'].map((key) => [
            key,
            {
              type: 'array',
              items: {
                type: 'object',
                required: ['subscriptionType', 'active'],
                additionalProperties: false,
                properties: {
                  subscriptionType: { type: 'string', pattern: '^[a-z_]+\\.[A-Za-z]+$' },
                  objectType: { type: 'string', minLength: 1 },
                  propertyName: { type: 'string', minLength: 1 },
                  active: { type: 'boolean' },
                },
              },
            },
          ]),
        ),
      },
    },
  },
  // UI extensions: what the app-cards, settings and pages references state — a card names its location
  // among the CRM ones and the object types it shows on; every extension names its React entry file under
  // /app/ (the path from srcDir, which is the repository root).
  CARD: {
    type: 'object',
    required: ['name', 'location', 'entrypoint', 'objectTypes'],
    additionalProperties: false,
    properties: {
      name: { type: 'string', minLength: 1 },
      description: { type: 'string' },
      location: { enum: ['crm.record.tab', 'crm.record.sidebar', 'crm.preview', 'helpdesk.sidebar'] },
      entrypoint: { type: 'string', pattern: '^/app/cards/[^/]+\\.(jsx|tsx)$' },
      objectTypes: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
    },
  },
  SETTINGS: {
    type: 'object',
    required: ['entrypoint'],
    additionalProperties: false,
    properties: { entrypoint: { type: 'string', pattern: '^/app/settings/[^/]+\\.(jsx|tsx)$' } },
  },
  PAGE: {
    type: 'object',
    required: ['entrypoint'],
    additionalProperties: false,
    properties: { entrypoint: { type: 'string', pattern: '^/app/pages/[^/]+\\.(jsx|tsx)$' } },
  },
  // Workflow actions: the fields of platform doc §4.1/§4.6 (actionUrl over HTTPS, object types, typed fields,
  // labels with an English actionName; other label languages among HubSpot's six).
  WORKFLOW_ACTION: {
    type: 'object',
    required: ['actionUrl', 'objectTypes', 'inputFields', 'labels'],
    properties: {
      actionUrl: { type: 'string', format: 'uri', pattern: '^https://' },
      isPublished: { type: 'boolean' },
      objectTypes: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
      inputFields: {
        type: 'array',
        items: {
          type: 'object',
          required: ['typeDefinition'],
          properties: { isRequired: { type: 'boolean' } },
        },
      },
      outputFields: { type: 'array', items: { type: 'object', required: ['typeDefinition'] } },
      labels: {
        type: 'object',
        required: ['en'],
        propertyNames: { enum: ['en', 'fr', 'de', 'ja', 'es', 'pt-br', 'nl'] },
        additionalProperties: { type: 'object', required: ['actionName'] },
      },
    },
  },
};

/**
 * Replaces local-dev-lib's `http.get` for the duration of a test. The parsing library is loaded by Node
 * (vitest externalises node_modules), so `vi.mock` would not reach its import; but it calls `http.get`
 * as a property of the one shared `http` object, so a spy on that object does.
 */
function serveOfflineSchemas(): { accountId: number; url: string }[] {
  const requests: { accountId: number; url: string }[] = [];
  vi.spyOn(http, 'get').mockImplementation((accountId, options) => {
    requests.push({ accountId, url: options.url });
    return Promise.resolve({ data: OFFLINE_SCHEMAS }) as never;
  });
  return requests;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const APP_UID = 'harbor_app';
const WEBHOOKS_UID = 'harbor_webhooks';
const PRODUCTION_ORIGIN = 'https://harbor.example.com';

const AppConfig = z.object({
  name: z.string(),
  distribution: z.string(),
  auth: z.object({
    type: z.string(),
    redirectUrls: z.array(z.string()),
    requiredScopes: z.array(z.string()),
    optionalScopes: z.array(z.string()),
  }),
  permittedUrls: z.object({ fetch: z.array(z.string()) }),
});

const HsProfile = z.strictObject({
  accountId: z.number().int().positive(),
  variables: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});

function readRepoFile(relativePath: string): string {
  return readFileSync(path.join(repoRoot, relativePath), 'utf8');
}

function publicBaseUrl(profileName: string): string {
  return z
    .string()
    .parse(HsProfile.parse(loadHsProfileFile(repoRoot, profileName)).variables.PUBLIC_BASE_URL);
}

async function translationErrorText(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    if (isTranslationError(error)) return `${error.message}: ${error.toString(false)}`;
    if (error instanceof Error) return error.message;
  }
  throw new Error('expected translate() to fail');
}

describe('HubSpot project (hsproject.json, app/, profiles)', () => {
  it('when hsproject.json is parsed, then it names the repo root as srcDir on the latest platform version', () => {
    const config = parseProjectConfig(repoRoot);

    expect(config).toEqual({ name: 'harbor', srcDir: '.', platformVersion: '2026.03' });
    expect(() => {
      validateProjectConfig(config, repoRoot);
    }).not.toThrow();
    expect(isKnownPlatformVersion(config.platformVersion)).toBe(true);
    expect(config.platformVersion).toBe(LATEST_SUPPORTED_PLATFORM_VERSION);
  });

  it('when the repo is translated with the production profile, then the APPLICATION node carries our uid, substituted URLs and scopes', async () => {
    const { platformVersion } = parseProjectConfig(repoRoot);

    const { intermediateRepresentation, skippedHsMetaFiles } = await translate(
      { projectSourceDir: repoRoot, platformVersion },
      { skipValidation: true, profile: 'production' },
    );

    // A *-hsmeta.json under app/ that the library skips would silently never reach HubSpot.
    expect(skippedHsMetaFiles.filter((file) => file.startsWith(`app${path.sep}`))).toEqual([]);
    const node = intermediateRepresentation.intermediateNodesIndexedByUid[APP_UID];
    expect(node).toMatchObject({
      uid: APP_UID,
      componentType: 'APPLICATION',
      metaFilePath: 'app/app-hsmeta.json',
    });
    const config = AppConfig.parse(node!.config);
    expect(config.name).toBe('Harbor');
    expect(config.distribution).toBe('marketplace');
    expect(config.auth.type).toBe('oauth');
    expect(config.permittedUrls.fetch).toEqual([PRODUCTION_ORIGIN]);
    expect(config.auth.redirectUrls).toEqual([`${PRODUCTION_ORIGIN}/oauth/callback`]);
    expect(config.auth.requiredScopes).toEqual(
      expect.arrayContaining([
        'oauth',
        'crm.objects.companies.read',
        'crm.objects.companies.write',
        'crm.objects.deals.read',
        'tickets',
        'crm.objects.contacts.read',
        'crm.objects.contacts.write',
        'crm.objects.owners.read',
        'crm.schemas.companies.read',
        'crm.schemas.companies.write',
      ]),
    );
    expect(config.auth.optionalScopes).toEqual(
      expect.arrayContaining(['crm.objects.feedback_submissions.read', 'automation']),
    );
    expect(config.auth.requiredScopes.filter((scope) => config.auth.optionalScopes.includes(scope))).toEqual(
      [],
    );
    expect(JSON.stringify(intermediateRepresentation)).not.toContain('${');
    expect(intermediateRepresentation.profileData?.vars.profileVariables).toEqual({
      PUBLIC_BASE_URL: { variableType: 'PROFILE_STRING', value: PRODUCTION_ORIGIN },
    });
  });

  it('when the repo is translated, then HubSpot reads the two company cards, the settings page and the pages, each with its entry file', async () => {
    const { platformVersion } = parseProjectConfig(repoRoot);

    const { intermediateRepresentation } = await translate(
      { projectSourceDir: repoRoot, platformVersion },
      { skipValidation: true, profile: 'production' },
    );

    const nodes = Object.values(intermediateRepresentation.intermediateNodesIndexedByUid);
    const ofType = (type: string) => nodes.filter((node) => node.componentType === type);
    const Extension = z.looseObject({ entrypoint: z.string(), location: z.string().optional() });
    const cards = ofType('CARD').map((node) =>
      z.looseObject({ ...Extension.shape, objectTypes: z.array(z.string()) }).parse(node.config),
    );
    expect(cards.map((card) => card.location).sort()).toEqual(['crm.record.sidebar', 'crm.record.tab']);
    for (const card of cards) expect(card.objectTypes).toEqual(['companies']);
    expect(ofType('SETTINGS')).toHaveLength(1);
    expect(ofType('PAGE')).toHaveLength(1);
    const entrypoints = [...ofType('CARD'), ...ofType('SETTINGS'), ...ofType('PAGE')].map(
      (node) => Extension.parse(node.config).entrypoint,
    );
    for (const entrypoint of entrypoints) {
      expect(existsSync(path.join(repoRoot, entrypoint)), entrypoint).toBe(true);
    }
  });

  it('when the profiles are listed, then there is a local and a production profile', async () => {
    expect((await getAllHsProfiles(repoRoot)).sort()).toEqual(['local', 'production']);
  });

  it.each(['local', 'production'])(
    'when the %s profile is loaded, then it has a numeric account id and an https, non-localhost service origin',
    (profileName) => {
      const profile = HsProfile.parse(loadHsProfileFile(repoRoot, profileName));

      expect(validateProfileVariables(profile.variables, getHsProfileFilename(profileName))).toEqual({
        success: true,
        errors: [],
      });
      const origin = z.string().parse(profile.variables.PUBLIC_BASE_URL);
      const url = new URL(origin);
      // permittedUrls.fetch lists origins; a path or trailing slash would also break `${...}/oauth/callback`.
      expect(url.origin).toBe(origin);
      expect(url.protocol).toBe('https:');
      expect(['localhost', '127.0.0.1', '[::1]']).not.toContain(url.hostname);
    },
  );

  describe('offline structural validation (HubSpot schema download mocked)', () => {
    let schemaRequests: { accountId: number; url: string }[];

    beforeEach(() => {
      schemaRequests = serveOfflineSchemas();
    });

    afterEach(() => {
      vi.restoreAllMocks();
    });

    it.each(['local', 'production'])(
      "when the repo is validated with the %s profile, then the library's own checks pass",
      async (profileName) => {
        const { platformVersion } = parseProjectConfig(repoRoot);
        const { accountId } = HsProfile.parse(loadHsProfileFile(repoRoot, profileName));

        const { intermediateRepresentation } = await translate(
          { projectSourceDir: repoRoot, platformVersion, accountId },
          { profile: profileName },
        );

        expect(Object.keys(intermediateRepresentation.intermediateNodesIndexedByUid)).toContain(APP_UID);
        expect(intermediateRepresentation.intermediateNodesIndexedByUid[WEBHOOKS_UID]).toMatchObject({
          componentType: 'WEBHOOKS',
          metaFilePath: 'app/webhooks/webhooks-hsmeta.json',
          config: { settings: { targetUrl: `${publicBaseUrl(profileName)}/webhooks/hubspot` } },
        });
        expect(schemaRequests).toEqual([
          { accountId, url: `project-components-external/project-schemas/v3/${platformVersion}` },
        ]);
      },
    );

    describe('a broken copy of the project in a temporary folder', () => {
      let projectDir: string;

      beforeEach(() => {
        projectDir = mkdtempSync(path.join(tmpdir(), 'harbor-hsproject-'));
        for (const entry of ['hsproject.json', 'hsprofile.local.json', 'hsprofile.production.json', 'app']) {
          cpSync(path.join(repoRoot, entry), path.join(projectDir, entry), {
            recursive: true,
            // Installed packages are not part of the project (and HubSpot's upload ignores them).
            filter: (source) => !source.split(path.sep).includes('node_modules'),
          });
        }
      });

      afterEach(() => {
        rmSync(projectDir, { recursive: true, force: true });
      });

      function rewriteAppMeta(edit: (source: string) => string): void {
        const file = path.join(projectDir, 'app', 'app-hsmeta.json');
        writeFileSync(file, edit(readFileSync(file, 'utf8')));
      }

      function validateCopy(profile = 'production'): Promise<unknown> {
        const { platformVersion } = parseProjectConfig(projectDir);
        return translate({ projectSourceDir: projectDir, platformVersion, accountId: 1 }, { profile });
      }

      it('when the untouched copy is validated, then it passes (the harness itself is sound)', async () => {
        await expect(validateCopy()).resolves.toBeDefined();
      });

      it.each([
        {
          broken: 'app-hsmeta.json has an extra top-level key',
          edit: (source: string) => source.replace('"uid":', '"extra": true,\n  "uid":'),
          message: 'Unexpected top-level properties found: extra',
        },
        {
          broken: 'app-hsmeta.json is not valid JSON',
          edit: (source: string) => source.replace(/}\s*$/, ''),
          message: 'Invalid JSON',
        },
        {
          broken: 'the app uid has a space and an exclamation mark',
          edit: (source: string) => source.replace(`"${APP_UID}"`, '"harbor app!"'),
          message:
            "'uid' should use only letters, numbers, periods, hyphens, and underscores (for example: app-id_1.2.3)",
        },
        {
          broken: 'config is missing',
          edit: () => JSON.stringify({ uid: APP_UID, type: 'app' }),
          message: "Missing required field: 'config'",
        },
      ])('when $broken, then validation fails with the library message', async ({ edit, message }) => {
        rewriteAppMeta(edit);

        const text = await translationErrorText(validateCopy());

        expect(text).toContain('Project validation failed');
        expect(text).toContain(message);
      });

      it('when the profile lacks a variable the hsmeta uses, then translation fails naming the variable', async () => {
        writeFileSync(
          path.join(projectDir, 'hsprofile.production.json'),
          JSON.stringify({ accountId: 1, variables: {} }),
        );

        const text = await translationErrorText(validateCopy());

        expect(text).toBe(
          `Missing value for PUBLIC_BASE_URL in ${path.join('app', 'app-hsmeta.json')}. Add PUBLIC_BASE_URL to your profile variables.`,
        );
      });
    });
  });
});

describe('CLI configuration holds no credential', () => {
  const credentialKey =
    /personal_?access_?key|api_?key|client_?secret|client_?id|access_?token|refresh_?token|token_?info|password|secret/i;
  // HubSpot personal access keys look like `pat-na1-<uuid>`; OAuth tokens like `CN...`/`COu...` base64url.
  const credentialValue = /pat-[a-z]{2}\d-[0-9a-f-]{20,}|[A-Za-z0-9_-]{40,}/;

  function collectKeysAndStrings(
    value: unknown,
    keys: string[] = [],
    strings: string[] = [],
  ): [string[], string[]] {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) value.forEach((item) => collectKeysAndStrings(item, keys, strings));
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        keys.push(key);
        collectKeysAndStrings(item, keys, strings);
      }
    }
    return [keys, strings];
  }

  it('when hubspot.config.yml is read with the CLI parser, then it declares no account and no credential', () => {
    const config = getConfigAtPath(path.join(repoRoot, 'hubspot.config.yml'));
    const [keys, strings] = collectKeysAndStrings(config);

    expect(config.accounts).toEqual([]);
    expect(keys.filter((key) => credentialKey.test(key) || key === 'auth')).toEqual([]);
    expect(strings.filter((value) => credentialValue.test(value))).toEqual([]);
  });

  it.each(['hubspot.config.yml', 'hsprofile.local.json', 'hsprofile.production.json', 'app/app-hsmeta.json'])(
    'when the raw text of %s is scanned, then no line outside comments carries a credential',
    (file) => {
      const lines = readRepoFile(file)
        .split('\n')
        .filter((line) => !line.trimStart().startsWith('#'));

      expect(lines.filter((line) => credentialKey.test(line) || credentialValue.test(line))).toEqual([]);
    },
  );

  it('when the profiles are parsed, then they hold only an account id and non-secret variables', () => {
    for (const profileName of ['local', 'production']) {
      const profile = HsProfile.parse(loadHsProfileFile(repoRoot, profileName));
      expect(Object.keys(profile.variables).filter((name) => credentialKey.test(name))).toEqual([]);
    }
  });

  it('when CI authenticates through --use-env, then the docs name the variables local-dev-lib reads', () => {
    const doc = readRepoFile('docs/hubspot-project.md');

    for (const name of [
      ENVIRONMENT_VARIABLES.HUBSPOT_ACCOUNT_ID,
      ENVIRONMENT_VARIABLES.HUBSPOT_PERSONAL_ACCESS_KEY,
      ENVIRONMENT_VARIABLES.USE_ENVIRONMENT_HUBSPOT_CONFIG,
    ]) {
      expect(doc).toContain(name);
    }
  });
});

describe('.hsignore (what `hs project upload` sends)', () => {
  // local-dev-lib's ignoreRules finds .hsignore with findup from the working directory and matches
  // the archive's relative paths against it, exactly as the CLI's upload does (lib/projects/upload).
  beforeEach(() => {
    vi.spyOn(process, 'cwd').mockReturnValue(repoRoot);
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  const isUploaded = (relativePath: string): boolean => !shouldIgnoreFile(relativePath, true);

  it('when the CLI filters project paths, then app/, hsproject.json and the profiles go up', () => {
    for (const file of [
      'app/app-hsmeta.json',
      'app/cards/health-card-hsmeta.json',
      'app/cards/HealthCard.tsx',
      'app/cards/package.json',
      'app/cards/package-lock.json',
      'app/settings/settings-hsmeta.json',
      'app/pages/pages-hsmeta.json',
      'app/workflow-actions/create-playbook-hsmeta.json',
      'app/webhooks/webhooks-hsmeta.json',
      'hsproject.json',
      'hsprofile.local.json',
      'hsprofile.production.json',
    ]) {
      expect(isUploaded(file), file).toBe(true);
    }
  });

  it('when the CLI filters service paths, then src/, test/, node_modules/, package files and config stay out', () => {
    for (const file of [
      'src/main.ts',
      'src/http/app.ts',
      'test/hubspot-project.test.ts',
      'test/setup/no-network.ts',
      'node_modules/express/package.json',
      'app/cards/node_modules/react/index.js',
      'app/cards/local.json',
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'vitest.config.ts',
      'eslint.config.js',
      'docs/hubspot-project.md',
      'README.md',
      'hubspot.config.yml',
      '.hsignore',
      '.env',
      '.git/HEAD',
      '.data/pglite/PG_VERSION',
      '.ci/run',
    ]) {
      expect(isUploaded(file), file).toBe(false);
    }
  });

  it('when every file in the working tree is filtered, then only the HubSpot project would be uploaded', () => {
    const uploaded: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(path.join(repoRoot, dir), { withFileTypes: true })) {
        if (entry.name === 'node_modules' || entry.name === '.git') continue;
        const relativePath = dir ? `${dir}/${entry.name}` : entry.name;
        if (entry.isDirectory()) walk(relativePath);
        else if (isUploaded(relativePath)) uploaded.push(relativePath);
      }
    };
    walk('');

    expect(uploaded).toContain('app/app-hsmeta.json');
    expect(
      uploaded.filter(
        (file) => !file.startsWith('app/') && !/^(hsproject|hsprofile\.[^.]+)\.json$/.test(file),
      ),
    ).toEqual([]);
  });
});
