import { createTranslator, type MessageKey } from '@harbor/i18n';
import { useState, type ReactNode } from 'react';

import type { PreviewBoot, PreviewLanguage, PreviewProperty } from './preview-boot.ts';

const words = {
  en: {
    about: 'About this company',
    overview: 'Overview',
    activities: 'Activities',
    notInPreview: 'Not part of the preview',
    contacts: 'Contacts',
    deals: 'Deals',
    pick: 'Pick a company to open its record as HubSpot shows it, with Harbor’s cards.',
    company: 'Company',
    tier: 'Tier',
    score: 'Score',
    connectedApps: 'Connected apps',
    integrations: 'Integrations',
    account: 'Account defaults',
    noValue: '--',
    actions: ['Note', 'Email', 'Call', 'Task', 'Meeting', 'More'],
  },
  'pt-BR': {
    about: 'Sobre esta empresa',
    overview: 'Visão geral',
    activities: 'Atividades',
    notInPreview: 'Fora da prévia',
    contacts: 'Contatos',
    deals: 'Negócios',
    pick: 'Escolha uma empresa para abrir o registro como o HubSpot mostra, com os cartões do Harbor.',
    company: 'Empresa',
    tier: 'Faixa',
    score: 'Pontuação',
    connectedApps: 'Aplicativos conectados',
    integrations: 'Integrações',
    account: 'Padrões da conta',
    noValue: '--',
    actions: ['Nota', 'E-mail', 'Ligar', 'Tarefa', 'Reunião', 'Mais'],
  },
} as const;

function formatValue(property: PreviewProperty, language: PreviewLanguage, timeZone: string): string {
  if (property.value === '') return words[language].noValue;
  const locale = language === 'pt-BR' ? 'pt-BR' : 'en-US';
  const number = Number(property.value);
  if (property.kind === 'money' && Number.isFinite(number))
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'USD',
      maximumFractionDigits: 0,
    }).format(number);
  if (property.kind === 'number' && Number.isFinite(number))
    return new Intl.NumberFormat(locale).format(number);
  if (property.kind === 'date') {
    const date = new Date(/^\d+$/.test(property.value) ? Number(property.value) : property.value);
    // HubSpot date properties are midnight UTC and show as that calendar day; datetimes show in the portal's zone.
    const isCalendarDay =
      date.getUTCHours() === 0 && date.getUTCMinutes() === 0 && date.getUTCSeconds() === 0;
    if (!Number.isNaN(date.getTime()))
      return new Intl.DateTimeFormat(locale, {
        dateStyle: 'medium',
        timeZone: isCalendarDay ? 'UTC' : timeZone,
      }).format(date);
  }
  return property.value;
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => word.charAt(0).toUpperCase())
    .join('');
}

function SidebarSection({
  title,
  children,
  startOpen = true,
}: {
  title: string;
  children?: ReactNode;
  startOpen?: boolean;
}) {
  const [isOpen, setOpen] = useState(startOpen);
  return (
    <section className="hs-section">
      <button
        type="button"
        className="hs-section__toggle"
        aria-expanded={isOpen}
        onClick={() => {
          setOpen(!isOpen);
        }}
      >
        <span className={isOpen ? 'cv-caret cv-caret--open' : 'cv-caret'}>›</span>
        {title}
      </button>
      {isOpen && children !== undefined ? <div className="hs-section__body">{children}</div> : null}
    </section>
  );
}

export function CompanyLayout({
  company,
  language,
  tab,
  sidebar,
  sidebarTitles,
}: {
  company: NonNullable<PreviewBoot['company']>;
  language: PreviewLanguage;
  tab: ReactNode[];
  sidebar: ReactNode[];
  sidebarTitles: string[];
}) {
  const say = words[language];
  const timeZone = (window as unknown as { __HARBOR_PREVIEW__: PreviewBoot }).__HARBOR_PREVIEW__.portal
    .timezone;
  const count = (name: string): string => company.raw[name] ?? '0';
  return (
    <div className="hs-record">
      <aside className="hs-record__left" aria-label={say.about}>
        <div className="hs-record__identity">
          <div className="hs-avatar">{initials(company.name)}</div>
          <h1 className="hs-record__name">{company.name}</h1>
          {company.domain === null ? null : (
            <a
              className="cv-link cv-link--primary"
              href={`https://${company.domain}`}
              target="_blank"
              rel="noreferrer"
            >
              {company.domain}
            </a>
          )}
          <div className="hs-quick-actions">
            {say.actions.map((label) => (
              <span key={label} className="hs-quick-action">
                <span className="hs-quick-action__circle" aria-hidden="true" />
                {label}
              </span>
            ))}
          </div>
        </div>
        <SidebarSection title={say.about}>
          <dl className="hs-properties">
            {company.properties.map((property) => (
              <div key={property.name} className="hs-property">
                <dt>{property.label[language]}</dt>
                <dd>{formatValue(property, language, timeZone)}</dd>
              </div>
            ))}
          </dl>
        </SidebarSection>
      </aside>
      <main className="hs-record__middle">
        <div className="hs-record-tabs" role="tablist">
          <span className="hs-record-tab hs-record-tab--off" title={say.notInPreview}>
            {say.overview}
          </span>
          <span className="hs-record-tab hs-record-tab--off" title={say.notInPreview}>
            {say.activities}
          </span>
          <span className="hs-record-tab hs-record-tab--on" role="tab" aria-selected="true">
            Harbor
          </span>
        </div>
        <div className="hs-record__tab-body">{tab}</div>
      </main>
      <aside className="hs-record__right">
        {sidebar.map((card, index) => (
          <SidebarSection key={sidebarTitles[index] ?? index} title={sidebarTitles[index] ?? 'Harbor'}>
            {card}
          </SidebarSection>
        ))}
        <SidebarSection title={`${say.contacts} (${count('num_associated_contacts')})`} startOpen={false} />
        <SidebarSection title={`${say.deals} (${count('num_associated_deals')})`} startOpen={false} />
      </aside>
    </div>
  );
}

const tierTones: Record<string, string> = { at_risk: 'danger', watch: 'warning', healthy: 'success' };

/** The tier's name as the cards say it, from the app's own catalogue. */
function tierLabel(tier: string, language: PreviewLanguage): string {
  return tier in tierTones ? createTranslator(language)(`tier.${tier}` as MessageKey) : tier;
}

export function CompanyIndex({ boot, language }: { boot: PreviewBoot; language: PreviewLanguage }) {
  const say = words[language];
  return (
    <main className="hs-index">
      <div className="cv-card">
        <h1 className="hs-index__title">Harbor</h1>
        <p className="cv-text hs-index__lead">{say.pick}</p>
        <table className="cv-table cv-table--bordered cv-table--default">
          <thead>
            <tr>
              <th>{say.company}</th>
              <th>{say.tier}</th>
              <th style={{ textAlign: 'right' }}>{say.score}</th>
            </tr>
          </thead>
          <tbody>
            {boot.companies.map((company) => (
              <tr key={company.id}>
                <td>
                  <a
                    className="cv-link cv-link--primary"
                    href={`/preview/company/${company.id}?lang=${language}`}
                  >
                    {company.name}
                  </a>
                </td>
                <td>
                  {company.tier === null ? (
                    '--'
                  ) : (
                    <span className={`cv-status cv-status--${tierTones[company.tier] ?? 'default'}`}>
                      <span className="cv-status__dot" />
                      {tierLabel(company.tier, language)}
                    </span>
                  )}
                </td>
                <td style={{ textAlign: 'right' }}>{company.score ?? '--'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}

export function SettingsLayout({
  boot,
  language,
  children,
}: {
  boot: PreviewBoot;
  language: PreviewLanguage;
  children: ReactNode;
}) {
  const say = words[language];
  return (
    <div className="hs-settings">
      <nav className="hs-settings__nav">
        <div className="hs-settings__group">{say.account}</div>
        <div className="hs-settings__group">{say.integrations}</div>
        <a className="hs-settings__item hs-settings__item--on" href="#">
          {say.connectedApps}
        </a>
      </nav>
      <main className="hs-settings__main">
        <div className="hs-app-header">
          <span className="hs-app-header__icon">⚓</span>
          <h1 className="hs-page-heading">{boot.app.name}</h1>
        </div>
        <div className="hs-settings__body">{children}</div>
      </main>
    </div>
  );
}

export function HomeLayout({ boot, children }: { boot: PreviewBoot; children: ReactNode }) {
  return (
    <div className="hs-home">
      <div className="hs-home__header">
        <div id="cv-page-breadcrumbs" />
        <div className="hs-home__title-row">
          <div className="hs-app-header">
            <span className="hs-app-header__icon">⚓</span>
            <div id="cv-page-title">
              <h1 className="cv-page-title">{boot.app.name}</h1>
            </div>
          </div>
          <div id="cv-page-actions" />
        </div>
      </div>
      <main className="hs-home__body">{children}</main>
    </div>
  );
}
