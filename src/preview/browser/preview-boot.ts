/** What the service writes into the host page for the browser: who is looking, where, and at what. */
export type PreviewLanguage = 'en' | 'pt-BR';

export type PreviewView = 'index' | 'company' | 'settings' | 'home';

export interface PreviewProperty {
  name: string;
  label: Record<PreviewLanguage, string>;
  value: string;
  kind: 'text' | 'number' | 'money' | 'date';
}

export interface PreviewCompanySummary {
  id: string;
  name: string;
  tier: string | null;
  score: number | null;
}

export interface PreviewBoot {
  view: PreviewView;
  language: PreviewLanguage;
  portal: { id: number; timezone: string };
  user: { id: number; email: string; firstName: string; lastName: string };
  app: { id: number | string; name: string };
  variables: Record<string, string>;
  company?: {
    id: string;
    name: string;
    domain: string | null;
    ownerName: string | null;
    properties: PreviewProperty[];
    raw: Record<string, string>;
  };
  companies: PreviewCompanySummary[];
  /** The app page path (after /preview/home) for the home view. */
  pagePath: string;
  /** Set when the page cannot show what was asked (no portal installed, unknown company). */
  problem?: string;
}

/** One UI extension of the project, as its *-hsmeta.json declares it. */
export interface PreviewExtension {
  uid: string;
  type: string;
  name: string;
  location: string;
  load: () => Promise<unknown>;
}
