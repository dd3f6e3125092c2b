/**
 * The preview's host page: lays out a HubSpot screen (a company record, the app settings page, the app home)
 * and renders the project's own extensions into it with a HubSpot-like context and actions.
 */
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

import { ExtensionBoundary, HostNotices, PreviewNote, TopBar, chromeWords } from './host-chrome.tsx';
import {
  closeOverlay,
  ExtensionApiContext,
  loadExtension,
  PageLocationContext,
  setPreviewRecord,
  showHostNotice,
  type ExtensionApi,
  type RenderCallback,
} from './host-bridge.ts';
import { CompanyLayout, CompanyIndex, HomeLayout, SettingsLayout } from './host-layouts.tsx';
import type { PreviewBoot, PreviewExtension, PreviewLanguage } from './preview-boot.ts';

interface LoadedExtension extends Omit<PreviewExtension, 'load'> {
  render: RenderCallback;
}

function contextFor(
  boot: PreviewBoot,
  language: PreviewLanguage,
  extension: LoadedExtension,
): ExtensionApi['context'] {
  const isCrm = extension.location.startsWith('crm.');
  return {
    location: extension.location,
    user: {
      id: boot.user.id,
      email: boot.user.email,
      emails: [boot.user.email],
      firstName: boot.user.firstName,
      lastName: boot.user.lastName,
      roles: [],
      teams: [],
      locale: language === 'pt-BR' ? 'pt-BR' : 'en-US',
      language: language === 'pt-BR' ? 'pt-br' : 'en',
      permissions: ['integrations-management-write'],
    },
    portal: boot.portal,
    variables: boot.variables,
    extension: { appId: boot.app.id, appName: boot.app.name, cardTitle: extension.name },
    ...(isCrm && boot.company !== undefined
      ? { crm: { objectId: Number(boot.company.id), objectTypeId: '0-2' } }
      : {}),
  };
}

function actionsFor(
  boot: PreviewBoot,
  reload: () => void,
  navigate: (to: string, params?: Record<string, string>) => void,
): ExtensionApi['actions'] {
  const properties = boot.company?.raw ?? {};
  const pick = (names: string[] | '*'): Record<string, string> =>
    names === '*' ? properties : Object.fromEntries(names.map((name) => [name, properties[name] ?? '']));
  const actions = {
    addAlert: ({ type, message, title }: { type?: string; message: string; title?: string }) => {
      showHostNotice({ kind: 'toast', title: title ?? '', message, variant: type ?? 'info' });
    },
    reloadPage: reload,
    fetchCrmObjectProperties: (names: string[] | '*') => Promise.resolve(pick(names)),
    refreshObjectProperties: () => {
      showHostNotice({
        kind: 'toast',
        title: '',
        message: 'HubSpot refreshes the record’s properties.',
        variant: 'info',
      });
    },
    onCrmPropertiesUpdate: (names: string[] | '*', callback: (values: Record<string, string>) => void) => {
      callback(pick(names));
    },
    openIframeModal: ({ uri, title }: { uri: string; title?: string }) => {
      showHostNotice({ kind: 'dialog', title: title ?? 'HubSpot opens an iframe', message: uri });
    },
    closeOverlay,
    copyTextToClipboard: async (text: string) => {
      await navigator.clipboard.writeText(text);
      showHostNotice({ kind: 'toast', title: '', message: 'Copied to the clipboard.', variant: 'success' });
    },
    navigateToPage: ({ to, params }: { to: string; params?: Record<string, string> }) => {
      navigate(to, params);
    },
  };
  return actions;
}

function ExtensionRoot({ extension, api }: { extension: LoadedExtension; api: ExtensionApi }) {
  return (
    <ExtensionApiContext.Provider value={api}>
      {extension.render({
        ...api,
        runServerlessFunction: () => {
          throw new Error('Serverless functions do not run in the preview');
        },
      })}
    </ExtensionApiContext.Provider>
  );
}

function readPagePath(): { path: string; params: Record<string, string> } {
  const path = window.location.pathname.replace(/^\/preview\/home/, '') || '/';
  const params = Object.fromEntries(
    [...new URLSearchParams(window.location.search)].filter(([name]) => name !== 'lang'),
  );
  return { path, params };
}

function PreviewApp({ boot, extensions }: { boot: PreviewBoot; extensions: LoadedExtension[] }) {
  const [language, setLanguage] = useState<PreviewLanguage>(boot.language);
  const [generation, setGeneration] = useState(0);
  const [page, setPage] = useState(readPagePath);
  const reload = useCallback(() => {
    setGeneration((value) => value + 1);
  }, []);
  const navigate = useCallback(
    (to: string, params?: Record<string, string>) => {
      const search = new URLSearchParams({ ...(params ?? {}), lang: language });
      window.history.pushState(null, '', `/preview/home${to === '/' ? '' : to}?${search.toString()}`);
      setPage({ path: to, params: params ?? {} });
    },
    [language],
  );
  const actions = useMemo(() => actionsFor(boot, reload, navigate), [boot, reload, navigate]);
  const changeLanguage = (next: PreviewLanguage): void => {
    const url = new URL(window.location.href);
    url.searchParams.set('lang', next);
    window.history.replaceState(null, '', url);
    setLanguage(next);
  };
  const say = chromeWords(language);

  /** HubSpot starts an extension afresh for a new user locale, so a language change remounts each one. */
  const render = (location: string): ReactNode[] =>
    extensions
      .filter((extension) => extension.location === location)
      .map((extension) => (
        <section
          key={`${extension.uid}:${language}:${generation}`}
          className="hs-extension"
          data-extension={extension.uid}
        >
          {extension.location === 'crm.record.tab' ? (
            <h2 className="hs-extension__title">{extension.name}</h2>
          ) : null}
          <ExtensionBoundary title={say.cardFailed}>
            <ExtensionRoot
              extension={extension}
              api={{ context: contextFor(boot, language, extension), actions }}
            />
          </ExtensionBoundary>
        </section>
      ));

  const sidebarTitles = extensions.filter((e) => e.location === 'crm.record.sidebar').map((e) => e.name);
  return (
    <PageLocationContext.Provider value={{ ...page, navigate }}>
      <TopBar boot={boot} language={language} onLanguage={changeLanguage} />
      <PreviewNote language={language} />
      {boot.problem === undefined ? null : (
        <div className="cv-alert cv-alert--warning hs-problem" role="alert">
          <span className="cv-alert__glyph">!</span>
          <div className="cv-alert__body">{boot.problem}</div>
        </div>
      )}
      {boot.view === 'index' ? <CompanyIndex boot={boot} language={language} /> : null}
      {boot.view === 'company' && boot.company !== undefined ? (
        <CompanyLayout
          company={boot.company}
          language={language}
          tab={render('crm.record.tab')}
          sidebar={render('crm.record.sidebar')}
          sidebarTitles={sidebarTitles}
        />
      ) : null}
      {boot.view === 'settings' ? (
        <SettingsLayout boot={boot} language={language}>
          {render('settings')}
        </SettingsLayout>
      ) : null}
      {boot.view === 'home' ? (
        <HomeLayout boot={boot}>{[...render('pages'), ...render('home')]}</HomeLayout>
      ) : null}
      <HostNotices language={language} />
    </PageLocationContext.Provider>
  );
}

const viewLocations: Record<PreviewBoot['view'], string[]> = {
  index: [],
  company: ['crm.record.tab', 'crm.record.sidebar'],
  settings: ['settings'],
  home: ['pages', 'home'],
};

/** Called by the bundle's entry with every UI extension of the project; loads those the view shows. */
export async function startPreview(all: PreviewExtension[]): Promise<void> {
  const boot = (window as unknown as { __HARBOR_PREVIEW__: PreviewBoot }).__HARBOR_PREVIEW__;
  const container = document.getElementById('preview-root');
  if (container === null) throw new Error('The host page has no #preview-root');
  if (boot.company !== undefined)
    setPreviewRecord({
      objectId: Number(boot.company.id),
      objectTypeId: '0-2',
      properties: boot.company.raw,
    });
  const loaded: LoadedExtension[] = [];
  for (const extension of all.filter((one) => viewLocations[boot.view].includes(one.location))) {
    // One at a time: the callback an entry registers while it loads is that entry's.
    const { load, ...rest } = extension;
    loaded.push({ ...rest, render: await loadExtension(load) });
  }
  createRoot(container).render(<PreviewApp boot={boot} extensions={loaded} />);
}
