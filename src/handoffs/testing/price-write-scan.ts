import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import ts from 'typescript';

import { priceObjectType, priceProperties } from '../price-write-guard.pure.ts';

/**
 * A static walk of Harbor's source for HubSpot writes that could edit a price or a deal amount. It reads the
 * TypeScript syntax tree of each file and reports:
 * - SDK writes on the money objects' own APIs (`crm.deals`, `crm.lineItems`, `crm.products`, `crm.quotes`,
 *   create / update / upsert / merge), whatever they carry;
 * - generic CRM writes (`basicApi`/`batchApi` create, update, upsert, or the gateway's batchCreate,
 *   batchUpdate, batchUpsert) whose object type is a money object, or is not a string literal outside the
 *   gateway's own batch module (which the runtime guard wraps);
 * - object literals with a money property (`amount`, `price`, …) passed to such a write;
 * - raw URLs to the money objects' endpoints (`/crm/v3/objects/deals…`, `/line_items…`), which would bypass
 *   the gateway.
 */
export interface PriceWriteFinding {
  file: string;
  line: number;
  what: string;
}

const writeMethods = new Set(['create', 'update', 'upsert', 'merge', 'doUpsert']);
const gatewayWrites = new Set(['batchCreate', 'batchUpdate', 'batchUpsert']);
const moneyApis = new Set(['deals', 'lineItems', 'products', 'quotes']);
const moneyUrl =
  /\/(crm\/v3\/objects|crm\/objects\/[\w-]+)\/(deals|line_items|products|quotes|0-3|0-8|0-7|0-14)\b/;
/** The generic batch writes and the guard that wraps them: their object type is a parameter, checked at run time. */
const genericWriteModules = new Set(['src/hubspot/crm-batch.ts', 'src/handoffs/price-write-guard.ts']);

function chain(node: ts.Expression): string[] {
  if (ts.isPropertyAccessExpression(node)) return [...chain(node.expression), node.name.text];
  if (ts.isIdentifier(node)) return [node.text];
  if (ts.isCallExpression(node)) return chain(node.expression);
  return [];
}

function moneyKeysIn(node: ts.Node, objectType: string): string[] {
  const found: string[] = [];
  const visit = (child: ts.Node): void => {
    if (ts.isPropertyAssignment(child) || ts.isShorthandPropertyAssignment(child)) {
      const name = child.name;
      const key = ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : null;
      if (key !== null) found.push(...priceProperties(objectType, [key]));
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

export function scanSource(file: string, text: string): PriceWriteFinding[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const findings: PriceWriteFinding[] = [];
  const report = (node: ts.Node, what: string) => {
    findings.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, what });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const names = chain(node.expression);
      const method = names.at(-1) ?? '';
      const crmAt = names.indexOf('crm');
      const api = crmAt === -1 ? undefined : names[crmAt + 1];
      if (api !== undefined && moneyApis.has(api) && writeMethods.has(method)) {
        report(node, `SDK write crm.${api}…${method}`);
      }
      const generic =
        (api === 'objects' && writeMethods.has(method) && /^(basicApi|batchApi)$/.test(names.at(-2) ?? '')) ||
        gatewayWrites.has(method);
      if (generic) {
        const first = node.arguments[0];
        if (first !== undefined && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) {
          if (priceObjectType(first.text) !== null) {
            const keys = moneyKeysIn(node, first.text);
            report(node, `${method}('${first.text}')${keys.length > 0 ? ` with ${keys.join(', ')}` : ''}`);
          }
        } else if (first !== undefined && !genericWriteModules.has(file)) {
          report(node, `${method} of an object type Harbor cannot check statically`);
        }
      }
    }
    if (
      (ts.isStringLiteral(node) ||
        ts.isNoSubstitutionTemplateLiteral(node) ||
        ts.isTemplateLiteralToken(node)) &&
      moneyUrl.test(node.text)
    ) {
      report(node, `raw URL to a money object: ${node.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

function sourceFiles(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(root, path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/**
 * Every file of src/ but the sandbox (it is HubSpot's stand-in: it stores what clients write, it writes
 * nothing to HubSpot) and tests; and the workflow definitions Harbor installs, for a money property set by a
 * workflow step.
 */
export function scanRepository(root: string): PriceWriteFinding[] {
  const files = sourceFiles(root, 'src').filter((file) => !file.startsWith(join('src', 'sandbox')));
  const code = files.flatMap((file) =>
    scanSource(relative(root, join(root, file)), readFileSync(join(root, file), 'utf8')),
  );
  const workflows = readdirSync(join(root, 'workflows'))
    .filter((name) => name.endsWith('.json'))
    .flatMap((name) => {
      const text = readFileSync(join(root, 'workflows', name), 'utf8');
      return [...text.matchAll(/"(amount|price|hs_[a-z_]*price[a-z_]*|discount)"/g)].map((match) => ({
        file: join('workflows', name),
        line: text.slice(0, match.index).split('\n').length,
        what: `workflow sets or reads ${match[1] ?? ''}`,
      }));
    });
  return [...code, ...workflows];
}
