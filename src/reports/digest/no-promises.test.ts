import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import { defaultPlaybooks, type PlaybookTemplate } from '@harbor/wire';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { findPromises } from './no-promises-phrases.ts';

const root = join(import.meta.dirname, '..', '..', '..');

/**
 * The modules that hold the words of Harbor's HubSpot tasks: every `*task*.pure.ts` under src (playbook
 * steps, escalations, signals, reviews, hand-offs, alerts, the digest), found by name so a new template
 * module is checked without being listed here.
 */
function taskTextModules(): string[] {
  const found: string[] = [];
  const walk = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/task.*\.pure\.ts$/.test(entry.name) && !entry.name.endsWith('.test.ts')) found.push(path);
    }
  };
  walk(join(root, 'src'));
  return found.sort();
}

/** Every string a module's code holds: literals and the fixed parts of template literals. */
function stringsOf(source: string, fileName: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const strings: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) strings.push(node.text);
    else if (ts.isTemplateExpression(node)) {
      // The fixed parts joined with a blank where a value goes, so a phrase around a value still reads.
      strings.push([node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' … '));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return strings;
}

/** Every step title and body of a set of playbooks, with where it is. */
function playbookTexts(
  playbooks: Record<string, Record<string, PlaybookTemplate>>,
): { where: string; text: string }[] {
  return Object.entries(playbooks).flatMap(([type, languages]) =>
    Object.entries(languages).flatMap(([language, template]) =>
      template.steps.flatMap((step, index) => [
        { where: `${type}/${language}/step ${index + 1} title`, text: step.title },
        { where: `${type}/${language}/step ${index + 1} body`, text: step.body },
      ]),
    ),
  );
}

function promisesIn(texts: readonly { where: string; text: string }[]): string[] {
  return texts.flatMap(({ where, text }) => findPromises(text).map((phrase) => `${where}: "${phrase}"`));
}

describe('Harbor’s customer-facing texts promise no feature and no price', () => {
  it('when the default playbooks are read in English and Portuguese, then no step promises a feature, date or price', () => {
    const texts = playbookTexts(defaultPlaybooks);
    // Every playbook in both languages is walked: a catalogue that came back empty would prove nothing.
    expect(new Set(texts.map(({ where }) => where.split('/').slice(0, 2).join('/'))).size).toBe(
      Object.keys(defaultPlaybooks).length * 2,
    );
    expect(promisesIn(texts)).toEqual([]);
  });

  it('when every task template module is read, then none of its words promise a feature, date or price', () => {
    const modules = taskTextModules();
    expect(modules.map((path) => relative(root, path))).toEqual(
      expect.arrayContaining([
        'src/playbooks/step-task.pure.ts',
        'src/signals/escalation-task.pure.ts',
        'src/review/review-task.pure.ts',
        'src/reports/digest/digest-task.pure.ts',
      ]),
    );
    const texts = modules.flatMap((path) =>
      stringsOf(readFileSync(path, 'utf8'), path).map((text) => ({ where: relative(root, path), text })),
    );
    expect(promisesIn(texts)).toEqual([]);
  });

  it('when a promise is put into a playbook step, then the check names it, in either language', () => {
    const onboarding = defaultPlaybooks.onboarding;
    const [first, ...rest] = onboarding.en.steps;
    const [firstPt, ...restPt] = onboarding['pt-BR'].steps;
    if (first === undefined || firstPt === undefined) throw new Error('the onboarding playbook has no step');
    const tampered = {
      onboarding: {
        en: {
          ...onboarding.en,
          steps: [{ ...first, body: `${first.body} We’ll add SSO in the next release.` }, ...rest],
        },
        'pt-BR': {
          ...onboarding['pt-BR'],
          steps: [{ ...firstPt, body: `${firstPt.body} Ofereça 10% de desconto na renovação.` }, ...restPt],
        },
      },
    };
    expect(promisesIn(playbookTexts(tampered))).toEqual([
      'onboarding/en/step 1 body: "we\'ll add"',
      'onboarding/en/step 1 body: "next release"',
      'onboarding/pt-BR/step 1 body: "desconto*"',
      'onboarding/pt-BR/step 1 body: "% de desconto"',
    ]);
  });

  it('when a promise is put into a task template’s code, then the check finds it there too', () => {
    const template = `const texts = { en: { subject: (n: number) => \`Renewal: offer \${n} months free of charge\` },
      'pt-BR': { subject: 'Renovação: a integração sai em breve' } };`;
    expect(stringsOf(template, 'tampered.ts').flatMap(findPromises)).toEqual(['free of charge', 'em breve']);
  });

  it('when words only look like a promise, then they pass: whole words and phrases only', () => {
    expect(findPromises('Agree the discovery agenda; the price question goes to finance.')).toEqual([]);
    expect(findPromises('Feel free to ask: what would make the next quarter a success?')).toEqual([]);
    expect(findPromises('Próximo passo: revisar a versão do plano')).toEqual([]);
    // The guardrail written down for the CSM is no promise; the same words without the negation are.
    expect(findPromises('Ask about blockers, never about a discount.')).toEqual([]);
    expect(findPromises('Pergunte sobre bloqueios, nunca sobre desconto.')).toEqual([]);
    expect(findPromises('Ask about blockers. Offer a discount.')).toEqual(['discount*']);
    expect(findPromises('No. We will add it next month.')).toEqual(['we will add']);
  });
});
