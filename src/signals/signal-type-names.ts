import type { TaskLanguage } from '@harbor/wire';

import type { SignalType } from './signal-types.ts';

/** Signal types as a person reads them in a HubSpot task Harbor writes, per task language. */
export const signalTypeNames: Record<TaskLanguage, Record<SignalType, string>> = {
  en: {
    usage_drop: 'usage drop',
    critical_ticket: 'critical ticket',
    late_payment: 'late payment',
    executive_complaint: 'executive complaint',
    detractor: 'detractor answer',
    low_health: 'low health',
    expansion: 'expansion opportunity',
    advocacy: 'advocacy opportunity',
    renewal_window: 'renewal window',
    large_onboarding: 'large onboarding',
  },
  'pt-BR': {
    usage_drop: 'queda de uso',
    critical_ticket: 'ticket crítico',
    late_payment: 'pagamento atrasado',
    executive_complaint: 'reclamação de executivo',
    detractor: 'resposta detratora',
    low_health: 'saúde baixa',
    expansion: 'oportunidade de expansão',
    advocacy: 'oportunidade de advocacy',
    renewal_window: 'janela de renovação',
    large_onboarding: 'onboarding grande',
  },
};

/** A signal's evidence as task text: one "key: value" line each. */
export function evidenceLines(
  evidence: readonly { key: string; value: number | string | null; at?: string | undefined }[],
): string {
  return evidence
    .map((item) => `- ${item.key}: ${item.value === null ? (item.at ?? '-') : String(item.value)}`)
    .join('\n');
}
