import { Component, useEffect, useState, type ErrorInfo, type ReactNode } from 'react';

import { onHostNotice, type HostNotice } from './host-bridge.ts';
import type { PreviewBoot, PreviewLanguage } from './preview-boot.ts';

const words = {
  en: {
    note: 'Preview: HubSpot renders these cards inside HubSpot; this page renders the same code.',
    companies: 'Companies',
    settings: 'Settings',
    home: 'App home',
    language: 'Language',
    close: 'Close',
    cardFailed: 'This card could not be displayed',
  },
  'pt-BR': {
    note: 'Prévia: o HubSpot mostra estes cartões dentro do HubSpot; esta página executa o mesmo código.',
    companies: 'Empresas',
    settings: 'Configurações',
    home: 'Início do app',
    language: 'Idioma',
    close: 'Fechar',
    cardFailed: 'Não foi possível exibir este cartão',
  },
} as const;

export type ChromeWords = Record<keyof (typeof words)['en'], string>;

export function chromeWords(language: PreviewLanguage): ChromeWords {
  return words[language];
}

export function TopBar({
  boot,
  language,
  onLanguage,
}: {
  boot: PreviewBoot;
  language: PreviewLanguage;
  onLanguage: (language: PreviewLanguage) => void;
}) {
  const say = chromeWords(language);
  const query = `?lang=${language}`;
  return (
    <header className="hs-topbar">
      <a className="hs-topbar__brand" href={`/preview${query}`}>
        <span className="hs-topbar__logo">⚓</span> Harbor <span className="hs-topbar__tag">preview</span>
      </a>
      <nav className="hs-topbar__nav">
        <a
          href={`/preview${query}`}
          aria-current={boot.view === 'index' || boot.view === 'company' ? 'page' : undefined}
        >
          {say.companies}
        </a>
        <a href={`/preview/settings${query}`} aria-current={boot.view === 'settings' ? 'page' : undefined}>
          {say.settings}
        </a>
        <a href={`/preview/home${query}`} aria-current={boot.view === 'home' ? 'page' : undefined}>
          {say.home}
        </a>
      </nav>
      <div className="hs-topbar__language" role="group" aria-label={say.language}>
        {(['en', 'pt-BR'] as const).map((option) => (
          <button
            key={option}
            type="button"
            aria-pressed={option === language}
            className={option === language ? 'hs-lang hs-lang--on' : 'hs-lang'}
            onClick={() => {
              onLanguage(option);
            }}
          >
            {option === 'en' ? 'English' : 'Português'}
          </button>
        ))}
      </div>
      <span className="hs-topbar__portal">
        {boot.user.firstName} {boot.user.lastName} · portal {boot.portal.id}
      </span>
    </header>
  );
}

export function PreviewNote({ language }: { language: PreviewLanguage }) {
  return (
    <div className="hs-note" role="note">
      {chromeWords(language).note}
    </div>
  );
}

interface Shown extends HostNotice {
  key: number;
}

/** addAlert's banners and the dialogs HubSpot would open, as the host page shows them. */
export function HostNotices({ language }: { language: PreviewLanguage }) {
  const [toasts, setToasts] = useState<Shown[]>([]);
  const [dialog, setDialog] = useState<Shown | undefined>(undefined);
  useEffect(() => {
    let next = 0;
    return onHostNotice((notice) => {
      next += 1;
      const shown = { ...notice, key: next };
      if (notice.kind === 'dialog') {
        setDialog(shown);
        return;
      }
      setToasts((current) => [...current, shown]);
      setTimeout(() => {
        setToasts((current) => current.filter((toast) => toast.key !== shown.key));
      }, 8_000);
    });
  }, []);
  return (
    <>
      <div className="hs-toasts" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.key} role="status" className={`hs-toast hs-toast--${toast.variant ?? 'info'}`}>
            {toast.title === '' ? null : <strong className="hs-toast__title">{toast.title}</strong>}
            <span>{toast.message}</span>
            <button
              type="button"
              className="cv-close"
              aria-label={chromeWords(language).close}
              onClick={() => {
                setToasts((current) => current.filter((one) => one.key !== toast.key));
              }}
            >
              ×
            </button>
          </div>
        ))}
      </div>
      {dialog === undefined ? null : (
        <div
          className="cv-backdrop"
          onClick={() => {
            setDialog(undefined);
          }}
        >
          <div
            role="dialog"
            aria-label={dialog.title}
            className="cv-modal cv-modal--sm hs-host-dialog"
            onClick={(event) => {
              event.stopPropagation();
            }}
          >
            <div className="cv-modal__header">
              <span>{dialog.title}</span>
              <button
                type="button"
                className="cv-close"
                aria-label="Close"
                onClick={() => {
                  setDialog(undefined);
                }}
              >
                ×
              </button>
            </div>
            <div className="cv-modal__body">
              <p className="cv-text">{dialog.message}</p>
              <p className="cv-text cv-text--micro">(HubSpot preview: no record is changed.)</p>
            </div>
            <div className="cv-modal__footer">
              <button
                type="button"
                className="cv-button cv-button--primary cv-button--md"
                onClick={() => {
                  setDialog(undefined);
                }}
              >
                {chromeWords(language).close}
              </button>
            </div>
          </div>
        </div>
      )}
    </>
  );
}

/** HubSpot shows a failed extension as an error in its card, not a broken page. */
export class ExtensionBoundary extends Component<{ title: string; children: ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // eslint-disable-next-line no-console -- the developer's console is where HubSpot reports it too
    console.error('[preview] extension failed', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error === undefined) return this.props.children;
    return (
      <div className="cv-alert cv-alert--danger" role="alert">
        <span className="cv-alert__glyph">!</span>
        <div>
          <div className="cv-alert__title">{this.props.title}</div>
          <div className="cv-alert__body">{this.state.error.message}</div>
        </div>
      </div>
    );
  }
}
