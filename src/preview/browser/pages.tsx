/**
 * The preview's `@hubspot/ui-extensions/pages`. Route descriptions and matching are HubSpot's own code from the
 * package (so a route that matches in the preview matches in HubSpot); the location comes from the preview's
 * URL, and the page chrome (title, breadcrumbs, header actions) goes into the host page's header.
 */
import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ComponentType,
  type ReactElement,
  type ReactNode,
} from 'react';
import { createPortal } from 'react-dom';

import { PageRoutes } from '../../../app/node_modules/@hubspot/ui-extensions/dist/pages/components/page-routes.js';
import { convertReactPageRoutesElement } from '../../../app/node_modules/@hubspot/ui-extensions/dist/pages/internal/convert-page-routes-react-elements.js';
import {
  RouteNodeType,
  type PageRouteData,
  type RouteNode,
} from '../../../app/node_modules/@hubspot/ui-extensions/dist/pages/internal/page-router-internal-types.js';
import { createTrieRouter } from '../../../app/node_modules/@hubspot/ui-extensions/dist/pages/internal/trie-router.js';
import { PageLocationContext } from './host-bridge.ts';
import { EmptyState } from './components/feedback.tsx';
import { Text } from './components/display.tsx';
import { Button } from './components/buttons.tsx';

export { PageRoutes };

interface MatchedPageRoute {
  routeId?: string;
  path: string;
  params: Record<string, string>;
}

const PageRouteContext = createContext<MatchedPageRoute | null>(null);

export function usePageRoute(): MatchedPageRoute {
  const route = useContext(PageRouteContext);
  if (route === null)
    throw new Error('usePageRoute must be used within a <PageRouter> made by createPageRouter');
  return route;
}

type Layout = ComponentType<{ children: ReactNode }>;

function addRoutes(
  router: ReturnType<typeof createTrieRouter<PageRouteData>>,
  seenIds: Set<string>,
  node: RouteNode,
  parentPath: string,
  parentLayouts: Layout[],
): void {
  if (node.type === RouteNodeType.Routes) {
    const routes = node;
    const prefix = parentPath + (routes.path ?? '');
    const layouts =
      routes.layoutComponent === undefined ? parentLayouts : [...parentLayouts, routes.layoutComponent];
    for (const child of routes.children ?? []) addRoutes(router, seenIds, child, prefix, layouts);
    return;
  }
  const route = node;
  if (route.id !== undefined) {
    if (seenIds.has(route.id)) throw new Error(`Duplicate route id: "${route.id}"`);
    seenIds.add(route.id);
  }
  router.addRoute(parentPath + route.path, {
    component: route.component,
    layouts: parentLayouts,
    ...(route.id === undefined ? {} : { id: route.id }),
  });
}

export function createPageRouter(routesElement: ReactElement): ComponentType<Record<string, never>> {
  let built:
    { ok: true; router: ReturnType<typeof createTrieRouter<PageRouteData>> } | { ok: false; error: Error };
  try {
    const router = createTrieRouter<PageRouteData>();
    addRoutes(router, new Set(), convertReactPageRoutesElement(routesElement), '', []);
    built = { ok: true, router };
  } catch (error) {
    built = { ok: false, error: error instanceof Error ? error : new Error(String(error)) };
  }
  return function PageRouter() {
    if (!built.ok) throw built.error;
    const { router } = built;
    const location = useContext(PageLocationContext);
    const matched = useMemo(() => router.matchPath(location.path), [router, location.path]);
    const route: MatchedPageRoute = useMemo(
      () => ({
        ...(matched?.data.id === undefined ? {} : { routeId: matched.data.id }),
        path: location.path,
        params: { ...(matched?.params ?? {}), ...location.params },
      }),
      [matched, location.path, location.params],
    );
    if (matched === null)
      return (
        <EmptyState title="Page not found" layout="vertical" reverseOrder>
          <Text>This app page does not exist.</Text>
        </EmptyState>
      );
    const Component = matched.data.component;
    let node: ReactNode = <Component />;
    for (const Layout of [...matched.data.layouts].reverse()) node = <Layout>{node}</Layout>;
    return <PageRouteContext.Provider value={route}>{node}</PageRouteContext.Provider>;
  };
}

/** Renders into the host page's header slot (by element id) once it exists, else in place. */
function HeaderSlot({ slot, children }: { slot: string; children: ReactNode }) {
  const [target, setTarget] = useState<HTMLElement | null>(null);
  useEffect(() => {
    setTarget(document.getElementById(slot));
  }, [slot]);
  return target === null ? null : createPortal(children, target);
}

export function PageLink({
  to,
  params,
  children,
}: {
  to: string;
  params?: Record<string, string>;
  children?: ReactNode;
  testId?: string;
}) {
  const location = useContext(PageLocationContext);
  return (
    <a
      href={`/preview/home${to}`}
      className="cv-link cv-link--primary"
      onClick={(event) => {
        event.preventDefault();
        location.navigate(to, params);
      }}
    >
      {children}
    </a>
  );
}

export function PageTitle({ children }: { children: string; testId?: string }) {
  useEffect(() => {
    document.title = `${children} | Harbor preview`;
  }, [children]);
  return (
    <HeaderSlot slot="cv-page-title">
      <h1 className="cv-page-title">{children}</h1>
    </HeaderSlot>
  );
}

function BreadcrumbLink(props: { to: string; params?: Record<string, string>; children?: ReactNode }) {
  return (
    <span className="cv-crumb">
      <PageLink {...props} />
      <span className="cv-crumb__sep">›</span>
    </span>
  );
}

function BreadcrumbCurrent({ children }: { children?: ReactNode }) {
  return <span className="cv-crumb cv-crumb--current">{children}</span>;
}

export function PageBreadcrumbs({ children }: { children?: ReactNode; testId?: string }) {
  return (
    <HeaderSlot slot="cv-page-breadcrumbs">
      <nav className="cv-crumbs" aria-label="Breadcrumbs">
        {children}
      </nav>
    </HeaderSlot>
  );
}
PageBreadcrumbs.PageLink = BreadcrumbLink;
PageBreadcrumbs.Current = BreadcrumbCurrent;

function HeaderPrimaryAction({ children }: { children?: ReactNode }) {
  return <span className="cv-header-action cv-header-action--primary">{children}</span>;
}

function HeaderSecondaryActions({ children }: { children?: ReactNode }) {
  return <span className="cv-header-action">{children}</span>;
}

function HeaderLink({
  href,
  onClick,
  disabled,
  children,
}: {
  href?: string;
  onClick?: (event: unknown) => void;
  disabled?: boolean;
  children?: ReactNode;
}) {
  return (
    <Button
      variant="secondary"
      size="sm"
      {...(href === undefined ? {} : { href })}
      {...(onClick === undefined ? {} : { onClick })}
      {...(disabled === undefined ? {} : { disabled })}
    >
      {children}
    </Button>
  );
}

function HeaderPageLink({
  to,
  params,
  children,
}: {
  to: string;
  params?: Record<string, string>;
  children?: ReactNode;
}) {
  const location = useContext(PageLocationContext);
  return (
    <Button
      variant="secondary"
      size="sm"
      onClick={() => {
        location.navigate(to, params);
      }}
    >
      {children}
    </Button>
  );
}

export function PageHeader({ children }: { children?: ReactNode; testId?: string }) {
  return (
    <HeaderSlot slot="cv-page-actions">
      <div className="cv-button-row">{children}</div>
    </HeaderSlot>
  );
}
PageHeader.PrimaryAction = HeaderPrimaryAction;
PageHeader.SecondaryActions = HeaderSecondaryActions;
PageHeader.Link = HeaderLink;
PageHeader.PageLink = HeaderPageLink;

/** `@hubspot/ui-extensions/pages/home`: the 2025.2 app home header buttons. */
export function HeaderActions({ children }: { children?: ReactNode; testId?: string }) {
  return <PageHeader>{children}</PageHeader>;
}

function HeaderActionButton({
  variant,
  children,
  ...rest
}: {
  variant: 'primary' | 'secondary';
  children?: ReactNode;
  onClick?: (event: unknown) => void;
  href?: string | { url: string; external?: boolean };
  disabled?: boolean;
  overlay?: ReactNode;
}) {
  return (
    <Button variant={variant} size="sm" {...rest}>
      {children}
    </Button>
  );
}

export function PrimaryHeaderActionButton(props: Omit<Parameters<typeof HeaderActionButton>[0], 'variant'>) {
  return <HeaderActionButton {...props} variant="primary" />;
}

export function SecondaryHeaderActionButton(
  props: Omit<Parameters<typeof HeaderActionButton>[0], 'variant'>,
) {
  return <HeaderActionButton {...props} variant="secondary" />;
}
