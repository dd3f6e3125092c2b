import { isRenderedTextNode, type RenderedNode } from '@hubspot/ui-extensions/testing';

interface AnyNode {
  nodeType: string;
  text?: string | null;
  props?: Record<string, unknown>;
  childNodes?: readonly AnyNode[];
}

// Texts a user reads that components take as props rather than children.
const textProps = ['title', 'label', 'number', 'valueDescription', 'value'];

/** Every text on screen (text nodes and the props components show as text), in order, one per line. */
export function screenText(root: object): string {
  const lines: string[] = [];
  const walk = (node: AnyNode): void => {
    if (node.nodeType === 'text') {
      if (node.text) lines.push(node.text);
      return;
    }
    for (const name of textProps) {
      const value = node.props?.[name];
      if (typeof value === 'string' && value !== '') lines.push(value);
    }
    for (const child of node.childNodes ?? []) walk(child);
  };
  walk(root as AnyNode);
  return lines.join('\n');
}

/** What the user reads in a node: its text and its descendants', run together (`text` is its own only). */
export function readText(node: RenderedNode): string {
  return isRenderedTextNode(node) ? node.text : node.childNodes.map(readText).join('');
}
