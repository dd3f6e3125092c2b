import type { PlaybookType, TaskLanguage } from '@harbor/wire';

/** Playbook names as Harbor writes them into HubSpot tasks (the UI has its own in the message catalogue). */
export const playbookNames: Record<TaskLanguage, Record<PlaybookType, string>> = {
  en: {
    onboarding: 'Onboarding',
    adoption: 'Adoption',
    expansion: 'Expansion',
    renewal: 'Renewal',
    risk: 'Risk',
    detractor_follow_up: 'Detractor follow-up',
  },
  'pt-BR': {
    onboarding: 'Onboarding',
    adoption: 'Adoção',
    expansion: 'Expansão',
    renewal: 'Renovação',
    risk: 'Risco',
    detractor_follow_up: 'Follow-up de detrator',
  },
};
