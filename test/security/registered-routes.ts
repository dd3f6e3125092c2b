import type { Express } from 'express';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** Every `METHOD path` Express will answer, read from its router stack (nested routers included). */
export function listRegisteredRoutes(app: Express): string[] {
  const root = (app as unknown as { router: { stack: Layer[] } }).router;
  const found: string[] = [];
  const visit = (stack: Layer[]): void => {
    for (const layer of stack) {
      if (layer.route !== undefined) {
        const methods = Object.keys(layer.route.methods).filter((method) => method !== '_all');
        if (layer.route.methods._all === true) found.push(`ALL ${layer.route.path}`);
        for (const method of methods) found.push(`${method.toUpperCase()} ${layer.route.path}`);
      } else if (layer.handle?.stack !== undefined) visit(layer.handle.stack);
    }
  };
  visit(root.stack);
  return found;
}
