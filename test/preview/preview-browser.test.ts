import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import { createTranslator, formatNumber, type MessageKey } from '@harbor/i18n';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startPreviewStack, type PreviewStack } from './preview-stack.ts';

const chromiumPath = '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
const shots = join(import.meta.dirname, '..', '..', 'preview-shots');
const en = createTranslator('en');
const pt = createTranslator('pt-BR');

interface CompanyScore {
  companyId: string;
  score: number;
  tier: string;
}

describe.skipIf(!hasChromium)(
  `the browser preview of the HubSpot UI (needs ${chromiumPath}: apt-get install chromium)`,
  () => {
    let stack: PreviewStack;
    let browser: Browser;
    let page: Page;
    let company: CompanyScore;
    const pageErrors: string[] = [];
    // What beforeAll started, undone in reverse even when it stopped half-way.
    const cleanups: (() => Promise<void>)[] = [];

    beforeAll(async () => {
      stack = await startPreviewStack({ companies: 30, seed: 3 });
      cleanups.push(() => stack.stop());
      const portal = `portalId=${stack.sandbox.portalId}`;
      const atRisk = (await (
        await stack.signedGet(`/api/health/scores?${portal}&tier=at_risk&limit=1`)
      ).json()) as { results: { companyId: string }[] };
      const companyId = atRisk.results[0]?.companyId;
      if (companyId === undefined) throw new Error('the generated portal has no at-risk company');
      company = (await (
        await stack.signedGet(`/api/health/companies/${companyId}?${portal}`)
      ).json()) as CompanyScore;

      browser = await chromium.launch({
        executablePath: chromiumPath,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
        ],
      });
      cleanups.push(() => browser.close());
      page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
      page.setDefaultTimeout(20_000);
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await mkdir(shots, { recursive: true });
    }, 180_000);

    afterAll(async () => {
      for (const cleanup of cleanups.reverse()) await cleanup();
    });

    const tab = () => page.locator('[data-extension="harbor_company_health_tab"]');
    const sidebar = () => page.locator('[data-extension="harbor_company_health_sidebar"]');
    const tier = (translate: typeof en) => translate(`tier.${company.tier}` as MessageKey);

    it('when a CSM opens an at-risk company, then both cards show the score and tier the service computed', async () => {
      await page.goto(`${stack.baseUrl}/preview/company/${company.companyId}`);
      await tab().getByTestId('rescore').waitFor();
      const tabText = await tab().innerText();
      const format = { locale: 'en-US', timeZone: 'America/New_York' };
      const shownScores = [formatNumber(company.score, format, 1), String(Math.round(company.score))];
      expect(
        shownScores.some((shown) => tabText.includes(shown)),
        `${shownScores.join(' or ')} in:\n${tabText}`,
      ).toBe(true);
      expect(tabText).toContain(tier(en));
      // The sandbox portal bills in dollars: HubSpot's account details said so at install.
      expect(tabText).toMatch(/\$\d/);
      await sidebar().getByText(tier(en)).first().waitFor();
      await expect(page.locator('.hs-note').innerText()).resolves.toContain('renders the same code');
      await page.screenshot({ path: join(shots, 'company-en.png'), fullPage: true });
    });

    it('when the user switches the language to Português, then the cards speak Brazilian Portuguese', async () => {
      await page.getByRole('button', { name: 'Português' }).click();
      await tab().getByText(pt('company.actions.rescore')).waitFor();
      expect(await tab().innerText()).toContain(tier(pt));
      await sidebar().getByText(tier(pt)).first().waitFor();
      expect(page.url()).toContain('lang=pt-BR');
      await page.screenshot({ path: join(shots, 'company-pt-BR.png'), fullPage: true });
    });

    it('when the CSM clicks Rescore now, then the signed request reaches the service and the card says so', async () => {
      await tab().getByTestId('rescore').click();
      const toast = page.locator('.hs-toast').first();
      await toast.waitFor();
      // Started, or already running: both are answers of the route behind the real signature check.
      expect([pt('company.rescore.started'), pt('company.rescore.busy')]).toContain(
        (await toast.locator('span').first().innerText()).trim(),
      );
    });

    it('when the CSM opens Explain this score, then the explanation opens over the record', async () => {
      // The rescore banner would cover the panel's first lines; a CSM closes it first.
      await page.locator('.hs-toast').first().getByRole('button').click();
      await page.locator('.hs-toast').first().waitFor({ state: 'detached' });
      await tab().getByTestId('explain').click();
      const panel = page.getByRole('dialog');
      await panel.waitFor();
      expect((await panel.innerText()).length).toBeGreaterThan(100);
      await page.screenshot({ path: join(shots, 'explain-pt-BR.png') });
      await panel.getByRole('button', { name: 'Close' }).click();
      await panel.waitFor({ state: 'detached' });
    });

    it('when the CSM clicks Create task, then the preview names the task editor HubSpot would open', async () => {
      await page.goto(`${stack.baseUrl}/preview/company/${company.companyId}?lang=en`);
      await tab()
        .getByRole('button', { name: en('company.actions.addTask') })
        .click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      expect(await dialog.innerText()).toMatch(/New task for /);
      await page.screenshot({ path: join(shots, 'create-task.png') });
    });

    /** Harbor's playbook tasks associated with the company in the sandbox. */
    const playbookTasksOf = (companyId: string) => {
      const portal = stack.sandbox.sandbox.world.defaultPortal;
      const linked = portal.associations.ids('companies', companyId, 'tasks');
      return [...portal.tables.tasks.all()].filter(
        (task) => linked.includes(task.id) && (task.properties.harbor_task_key ?? '').startsWith('playbook:'),
      );
    };

    it('when the CSM starts a signal’s playbook, then the card shows it running and its first task is in HubSpot', async () => {
      await page.goto(`${stack.baseUrl}/preview/company/${company.companyId}?lang=en`);
      const before = playbookTasksOf(company.companyId).length;
      await tab()
        .getByRole('button', { name: /^Start the .+ playbook$/ })
        .first()
        .click();
      await tab()
        .getByText(/^0 of \d+ steps$/)
        .first()
        .waitFor();
      expect(playbookTasksOf(company.companyId)).toHaveLength(before + 1);
      await page.screenshot({ path: join(shots, 'company-playbook.png'), fullPage: true });
    });

    it('when an admin opens the settings page, then the settings extension renders with its tabs, in English and Portuguese', async () => {
      await page.goto(`${stack.baseUrl}/preview/settings`);
      await page.getByRole('tab', { name: en('settings.tab.model') }).waitFor();
      await page.getByRole('tab', { name: en('settings.tab.indicators') }).waitFor();
      await page.screenshot({ path: join(shots, 'settings.png'), fullPage: true });
      await page.goto(`${stack.baseUrl}/preview/settings?lang=pt-BR`);
      await page.getByRole('tab', { name: pt('settings.tab.model') }).waitFor();
      await page.screenshot({ path: join(shots, 'settings-pt-BR.png'), fullPage: true });
    });

    it('when an admin opens the Signals, Automations, Playbooks, Workflows, Usage data and Reports tabs, then each shows its settings from the service', async () => {
      const tabs = [
        ['signals', 'settings.signals.rules'],
        ['automations', 'settings.automations.review.title'],
        ['playbooks', 'settings.playbooks.cap'],
        ['workflows', 'settings.workflows.help'],
        ['usageData', 'settings.usageData.help'],
        ['reports', 'settings.reports.targets.title'],
      ] as const;
      for (const [lang, t] of [
        ['en', en],
        ['pt-BR', pt],
      ] as const) {
        await page.goto(`${stack.baseUrl}/preview/settings?lang=${lang}`);
        for (const [tab, key] of tabs) {
          await page.getByRole('tab', { name: t(`settings.tab.${tab}`) }).click();
          await page.getByText(t(key)).first().waitFor();
          const suffix = lang === 'en' ? '' : `-${lang}`;
          await page.screenshot({ path: join(shots, `settings-${tab}${suffix}.png`), fullPage: true });
        }
      }
    });

    it('when an admin makes an ingest key in settings and the product pushes 90 days of usage with it, then the company card draws the usage chart', async () => {
      await page.goto(`${stack.baseUrl}/preview/settings`);
      await page.getByRole('tab', { name: en('settings.tab.usageData') }).click();
      const keyName = page.getByTestId('usage-key-name').locator('input');
      await keyName.fill('Product usage export');
      await keyName.blur();
      await page.getByTestId('usage-key-create').click();
      const secret = (await page.getByTestId('usage-key-secret').innerText()).trim();
      const today = Date.now();
      const rows = Array.from({ length: 90 }, (_, age) => ({
        company: { id: company.companyId },
        date: new Date(today - (89 - age) * 86_400_000).toISOString().slice(0, 10),
        // A product whose use fades over the quarter: what a CSM should see coming.
        metrics: {
          activeUsers: Math.max(1, 14 - Math.floor(age / 8)),
          seats: 20,
          logins: 60 - Math.floor(age / 2),
        },
      }));
      const pushed = await fetch(`${stack.baseUrl}/api/ingest/usage`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({ rows }),
      });
      expect(pushed.status).toBe(200);
      expect(await pushed.json()).toMatchObject({ received: 90, applied: 90, companies: 1, refused: [] });

      for (const [lang, t] of [
        ['en', en],
        ['pt-BR', pt],
      ] as const) {
        await page.goto(`${stack.baseUrl}/preview/company/${company.companyId}?lang=${lang}`);
        await tab().getByText(t('company.usage.title')).waitFor();
        await tab().getByTestId('usage-chart').waitFor();
        await tab().getByText(t('company.usage.title')).scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(shots, `company-usage${lang === 'en' ? '' : `-${lang}`}.png`) });
      }
    });

    it('when someone opens the app home, then the portfolio page renders from the service, in English and Portuguese', async () => {
      await page.goto(`${stack.baseUrl}/preview/home`);
      await page.getByText(en('home.tiers.title')).first().waitFor();
      await page.screenshot({ path: join(shots, 'home.png'), fullPage: true });
      await page.goto(`${stack.baseUrl}/preview/home?lang=pt-BR`);
      await page.getByText(pt('home.tiers.title')).first().waitFor();
      await page.screenshot({ path: join(shots, 'home-pt-BR.png'), fullPage: true });
      await page.goto(`${stack.baseUrl}/preview`);
      await page.getByRole('link', { name: /./ }).first().waitFor();
      await page.screenshot({ path: join(shots, 'index.png'), fullPage: true });
    });

    it('when someone opens the weekly review and the open signals, then both pages render from the service, in English and Portuguese', async () => {
      for (const [path, intro, shot] of [
        ['review', 'review.column.plan', 'review'],
        ['signals', 'review.signals.intro', 'signals'],
      ] as const) {
        const seen = (t: typeof en) =>
          page
            .getByText(t(intro))
            .or(page.getByText(t('review.empty.title')))
            .first()
            .waitFor();
        await page.goto(`${stack.baseUrl}/preview/home/${path}`);
        await seen(en);
        await page.screenshot({ path: join(shots, `home-${shot}.png`), fullPage: true });
        await page.goto(`${stack.baseUrl}/preview/home/${path}?lang=pt-BR`);
        await seen(pt);
        await page.screenshot({ path: join(shots, `home-${shot}-pt-BR.png`), fullPage: true });
      }
    });

    it('when a CS leader opens the report pages, then each renders from the service, in English and Portuguese', async () => {
      for (const [path, seenKey, emptyKey] of [
        ['retention', 'retention.charts.title', 'retention.empty.title'],
        ['strategy', 'retention.strategy.actsTitle', 'retention.empty.title'],
        ['cohorts', 'cohorts.summary.title', 'cohorts.empty.title'],
        ['nps', 'nps.due.title', 'nps.due.title'],
        ['digest', 'digest.themes.title', 'digest.empty.title'],
      ] as const) {
        for (const [lang, t] of [
          ['en', en],
          ['pt-BR', pt],
        ] as const) {
          await page.goto(`${stack.baseUrl}/preview/home/${path}?lang=${lang}`);
          await page
            .getByText(t(seenKey))
            .or(page.getByText(t(emptyKey)))
            .first()
            .waitFor();
          const suffix = lang === 'en' ? '' : `-${lang}`;
          await page.screenshot({ path: join(shots, `home-${path}${suffix}.png`), fullPage: true });
        }
      }
    });

    it('when a CSM scrolls the company card, then it shows the company’s NPS history and its hand-offs', async () => {
      await page.goto(`${stack.baseUrl}/preview/company/${company.companyId}`);
      await tab().getByText(en('nps.history.title')).waitFor();
      await tab().getByText(en('handoff.section.title')).waitFor();
      await tab().getByText(en('handoff.section.title')).scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, 'company-handoffs.png') });
    });

    it('when every screen was shown, then no extension failed and the page logged no error', async () => {
      expect(pageErrors).toEqual([]);
      expect(await page.locator('.hs-extension [role="alert"].cv-alert--danger').count()).toBe(0);
    });
  },
);
