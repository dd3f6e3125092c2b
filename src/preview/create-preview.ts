import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { Router, type Request, type Response } from 'express';
import type { Kysely } from 'kysely';

import type { Logger } from '../shared/logger.ts';
import type { Database } from '../store/database-schema.ts';
import type { PreviewLanguage, PreviewView } from './browser/preview-boot.ts';
import { bundlePreview, isBundleStale, type PreviewBundle } from './bundle-preview.ts';
import { renderHostPage } from './host-page.ts';
import { loadPreviewBoot } from './preview-data.ts';
import { previewFetchRequest, sendSignedCall, signPreviewCall } from './preview-signer.ts';

export interface PreviewOptions {
  db: Kysely<Database>;
  logger: Logger;
  publicBaseUrl: string;
  /** The app's client secret; without it the signer cannot sign and says so. */
  clientSecret: string | undefined;
  now: () => Date;
  /** The repository root (hsproject.json srcDir): where app/ and its *-hsmeta.json files are. */
  projectRoot: string;
  appId?: number | string;
}

/** What create-app mounts at /preview (development and the demo only, never in production). */
export interface Preview {
  handler: Router;
}

// HubSpot's hubspot.fetch ceiling.
const fetchTimeoutMs = 120_000;
// An edit shows on the next page load; checking file times at most this often keeps reloads cheap.
const staleCheckMs = 1_000;

function languageOf(req: Request): PreviewLanguage {
  const asked = typeof req.query.lang === 'string' ? req.query.lang.toLowerCase() : '';
  return asked.startsWith('pt') ? 'pt-BR' : 'en';
}

/** A loopback address of this very server, taken from the socket the browser's request came in on. */
function loopbackOf(req: Request): { host: string; port: number } {
  const address = (req.socket.localAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  return { host: address, port: req.socket.localPort ?? 0 };
}

export function createPreview(options: PreviewOptions): Preview {
  const router = Router();
  const dataDeps = {
    db: options.db,
    publicBaseUrl: options.publicBaseUrl,
    appId: options.appId ?? 'harbor',
  };
  let bundle: Promise<PreviewBundle> | undefined;
  let checkedAt = 0;

  async function currentBundle(): Promise<PreviewBundle> {
    if (bundle !== undefined && Date.now() - checkedAt > staleCheckMs) {
      checkedAt = Date.now();
      const built = await bundle.catch(() => undefined);
      if (built === undefined || (await isBundleStale(built, options.projectRoot))) bundle = undefined;
    }
    if (bundle === undefined) {
      checkedAt = Date.now();
      const started = Date.now();
      bundle = bundlePreview(options.projectRoot);
      bundle.then(
        (built) => {
          options.logger.info(
            { ms: Date.now() - started, extensions: built.extensions.map((one) => one.uid) },
            'preview bundle built',
          );
        },
        (error: unknown) => {
          options.logger.warn({ err: error }, 'preview bundle failed to build');
        },
      );
    }
    return bundle;
  }

  async function page(
    req: Request,
    res: Response,
    view: PreviewView,
    extra: { companyId?: string; pagePath?: string },
  ) {
    const boot = await loadPreviewBoot(dataDeps, { view, language: languageOf(req), ...extra });
    res.setHeader('cache-control', 'no-store');
    res.type('html').send(renderHostPage(boot, String(checkedAt)));
  }

  router.get('/', (req, res) => page(req, res, 'index', {}));
  router.get('/company/:companyId', async (req, res) => {
    const { companyId } = req.params;
    if (!/^\d{1,18}$/.test(companyId)) {
      res.status(404).type('text').send('A company id is digits.');
      return;
    }
    await page(req, res, 'company', { companyId });
  });
  router.get('/settings', (req, res) => page(req, res, 'settings', {}));
  router.get('/home{/*pagePath}', (req, res) => {
    const parts = (req.params as { pagePath?: string[] }).pagePath ?? [];
    return page(req, res, 'home', { pagePath: `/${parts.join('/')}` });
  });

  router.get('/assets/preview.js', async (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    try {
      res.type('js').send((await currentBundle()).code);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      res
        .status(500)
        .type('js')
        .send(
          `document.getElementById('preview-root').textContent = ${JSON.stringify(`The preview bundle failed to build:\n${message}`)};`,
        );
    }
  });
  router.get('/assets/canvas.css', async (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    res.type('css').send(await readFile(join(import.meta.dirname, 'browser', 'canvas.css'), 'utf8'));
  });

  router.post('/fetch', async (req, res) => {
    const parsed = previewFetchRequest.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ status: 400, body: 'Not a hubspot.fetch call', contentType: 'text/plain' });
      return;
    }
    if (options.clientSecret === undefined || options.clientSecret === '') {
      res.status(400).json({
        status: 400,
        body: 'HUBSPOT_CLIENT_SECRET is not set: the preview cannot sign requests as HubSpot does',
        contentType: 'text/plain',
      });
      return;
    }
    const signed = signPreviewCall(parsed.data, {
      publicBaseUrl: options.publicBaseUrl,
      clientSecret: options.clientSecret,
      now: options.now,
    });
    if (!signed.ok) {
      res
        .status(400)
        .json({ status: 400, body: `hubspot.fetch refused: ${signed.reason}`, contentType: 'text/plain' });
      return;
    }
    try {
      res.json(await sendSignedCall(parsed.data.method, signed, loopbackOf(req), fetchTimeoutMs));
    } catch (error) {
      // HubSpot's proxy answers a card whose backend did not answer with a gateway error.
      const message = error instanceof Error ? error.message : String(error);
      res.json({
        status: 502,
        body: JSON.stringify({ error: { code: 'UNREACHABLE', message } }),
        contentType: 'application/json',
      });
    }
  });

  return { handler: router };
}
