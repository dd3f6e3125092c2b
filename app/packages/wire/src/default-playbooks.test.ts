import { describe, expect, it } from 'vitest';

import { defaultPlaybooks, playbookTemplateFor, type TaskLanguage } from './default-playbooks.ts';
import {
  playbookSettingsSchema,
  playbookTemplateSchema,
  type PlaybookTemplate,
  type PlaybookType,
} from './playbooks.ts';
import { defaultSignalSettings } from './signal-settings.ts';
import { playbookTypes } from './signals.ts';

const languages: TaskLanguage[] = ['en', 'pt-BR'];
const shipped = playbookTypes.flatMap((type) =>
  languages.map((language) => ({ type, language, template: defaultPlaybooks[type][language] })),
);

/**
 * Phrases that would promise a feature, quote or change a price, or answer a ticket for support: product,
 * finance and support decide those, never a task Harbor writes.
 */
const forbidden: Record<TaskLanguage, string[]> = {
  en: [
    'we will build',
    "we'll build",
    'we will add',
    'will be released',
    'coming soon',
    'on the roadmap',
    'we promise',
    'guarantee',
    'discount',
    'new price',
    'lower price',
    'price reduction',
    'free month',
    'refund',
    'answer the ticket',
    'reply to the ticket',
  ],
  'pt-BR': [
    'vamos desenvolver',
    'vamos construir',
    'vamos lançar',
    'em breve',
    'no roadmap',
    'prometemos',
    'garantimos',
    'desconto',
    'novo preço',
    'preço menor',
    'redução de preço',
    'mês grátis',
    'reembolso',
    'responda o chamado',
    'responder o chamado',
  ],
};

const sentences = (text: string): number => text.split(/[.!?](?:\s|$)/).filter((part) => part.trim()).length;
const financeStep = (template: PlaybookTemplate, pattern: RegExp) =>
  template.steps.findIndex((step) => pattern.test(step.body));

describe('the shipped playbooks', () => {
  it.each(shipped)('$type ($language) is a valid, enabled template of 3 to 6 steps', ({ template }) => {
    expect(playbookTemplateSchema.parse(template)).toEqual(template);
    expect(template.enabled).toBe(true);
    expect(template.steps.length).toBeGreaterThanOrEqual(3);
    expect(template.steps.length).toBeLessThanOrEqual(6);
  });

  it.each(shipped)(
    '$type ($language) says what to do and why in 1 to 4 sentences per step',
    ({ template }) => {
      for (const step of template.steps) {
        expect(sentences(step.body), step.title).toBeGreaterThanOrEqual(1);
        expect(sentences(step.body), step.title).toBeLessThanOrEqual(4);
      }
    },
  );

  it.each(playbookTypes)(
    '%s has the same timing, priority, type and owner per step in both languages',
    (type) => {
      const shape = (language: TaskLanguage) =>
        defaultPlaybooks[type][language].steps.map(({ dueInDays, priority, taskType, owner }) => ({
          dueInDays,
          priority,
          taskType,
          owner,
        }));
      expect(shape('pt-BR')).toEqual(shape('en'));
    },
  );

  it.each(playbookTypes)('%s reads differently in each language', (type) => {
    const titles = (language: TaskLanguage) =>
      defaultPlaybooks[type][language].steps.map((step) => step.title);
    const pt = titles('pt-BR');
    expect(pt.filter((title, index) => title === titles('en')[index])).toEqual([]);
  });

  it.each(shipped)(
    '$type ($language) promises no feature or price and answers no ticket',
    ({ template, language }) => {
      for (const step of template.steps) {
        const text = `${step.title} ${step.body}`.toLowerCase();
        for (const phrase of forbidden[language]) expect(text, step.title).not.toContain(phrase);
      }
    },
  );

  it('renewal hands any price or contract-value change to finance, in both languages', () => {
    const en = financeStep(defaultPlaybooks.renewal.en, /hand it to finance/i);
    const pt = financeStep(defaultPlaybooks.renewal['pt-BR'], /passe para o financeiro/i);
    expect(en).toBeGreaterThanOrEqual(0);
    expect(pt).toBe(en);
    expect(defaultPlaybooks.renewal.en.steps[en]?.body).toMatch(/never change a deal amount or a price/i);
    expect(defaultPlaybooks.renewal['pt-BR'].steps[pt]?.body).toMatch(
      /nem o harbor nem o csm alteram o valor de um negócio ou um preço/i,
    );
  });

  it('renewal prepares the account review, value summary and open risks before the conversation', () => {
    const titles = defaultPlaybooks.renewal.en.steps.map((step) => step.title);
    const conversation = titles.indexOf('Renewal conversation');
    for (const title of ['Account review', 'Value summary', 'Review open risks and signals']) {
      expect(titles.indexOf(title)).toBeGreaterThanOrEqual(0);
      expect(titles.indexOf(title)).toBeLessThan(conversation);
    }
  });

  it('renewal fits inside the renewal window even when every step takes its full time', () => {
    const days = defaultPlaybooks.renewal.en.steps.reduce((sum, step) => sum + step.dueInDays, 0);
    expect(days).toBeLessThanOrEqual(defaultSignalSettings.renewalWindow.fromDays);
  });

  it('detractor follow-up calls the customer within 2 days and ends by closing the loop', () => {
    const steps = defaultPlaybooks.detractor_follow_up.en.steps;
    expect(steps[0]).toMatchObject({ taskType: 'CALL', priority: 'HIGH' });
    expect(steps[0]?.dueInDays).toBeLessThanOrEqual(2);
    expect(steps.at(-1)?.title).toMatch(/close the loop/i);
  });

  it('risk gives the executive-sponsor call to the CS lead and the rest to the company owner', () => {
    const owners = defaultPlaybooks.risk.en.steps.map((step) => [step.title, step.owner.kind]);
    expect(owners).toContainEqual(['Executive sponsor call', 'cs_lead']);
    expect(owners.filter(([, kind]) => kind === 'cs_lead')).toHaveLength(1);
  });
});

describe('playbookTemplateFor', () => {
  const custom = (title: string): PlaybookTemplate => ({
    enabled: true,
    steps: [
      { title, body: '', dueInDays: 1, priority: 'LOW', taskType: 'TODO', owner: { kind: 'company_owner' } },
    ],
  });
  const settings = playbookSettingsSchema.parse({
    templates: { renewal: custom('portal renewal'), risk: custom('portal risk') },
    segments: { ENTERPRISE: { renewal: custom('enterprise renewal') }, SMB: {} },
    maxOpenTasksPerOwnerPerDay: 20,
  });
  const title = (segment: string, type: PlaybookType, language: TaskLanguage = 'en') =>
    playbookTemplateFor(settings, segment, type, language).steps[0]?.title;

  it("picks the segment's template over the portal's", () => {
    expect(title('ENTERPRISE', 'renewal')).toBe('enterprise renewal');
  });

  it("falls back to the portal's template where the segment has none", () => {
    expect(title('ENTERPRISE', 'risk')).toBe('portal risk');
    expect(title('SMB', 'renewal')).toBe('portal renewal');
    expect(title('MID_MARKET', 'renewal')).toBe('portal renewal');
  });

  it('falls back to the shipped default in the task language', () => {
    expect(title('ENTERPRISE', 'onboarding', 'en')).toBe(defaultPlaybooks.onboarding.en.steps[0]?.title);
    expect(title('ENTERPRISE', 'onboarding', 'pt-BR')).toBe(
      defaultPlaybooks.onboarding['pt-BR'].steps[0]?.title,
    );
  });

  it('treats a segment named like an object property as a plain segment', () => {
    expect(title('constructor', 'adoption')).toBe(defaultPlaybooks.adoption.en.steps[0]?.title);
    expect(title('toString', 'renewal')).toBe('portal renewal');
  });
});
