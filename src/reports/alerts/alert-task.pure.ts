import type { AlertKind, AlertMetric, ReportPeriod, TaskLanguage } from '@harbor/wire';

import type { TaskRequest } from '../../tasks/task-request.ts';

const DAY_MS = 86_400_000;

/** One task per alert: the alert's id is the key, so a rerun or a second instance never makes another. */
export const alertTaskKey = (alertId: number): string => `report-alert:${alertId}`;

export interface AlertForTask {
  id: number;
  segment: string;
  metric: AlertMetric;
  kind: AlertKind;
  period: ReportPeriod;
  periodStart: string;
  value: number;
  reference: number;
}

/** 2026-07-01 → 2026-07 (month), 2026-Q3 (quarter), 2026 (year). */
export function periodLabel(period: ReportPeriod, periodStart: string): string {
  const year = periodStart.slice(0, 4);
  const month = Number(periodStart.slice(5, 7));
  if (period === 'year') return year;
  if (period === 'quarter') return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
  return periodStart.slice(0, 7);
}

const texts = {
  en: {
    metric: {
      grr: 'GRR',
      nrr: 'NRR',
      logoChurn: 'Logo churn',
      grossRevenueChurn: 'Gross revenue churn',
      netRevenueChurn: 'Net revenue churn',
      nps: 'NPS',
      detractorShare: 'Detractor share',
    },
    all: 'all customers',
    kind: {
      below_target: (value: string, reference: string) =>
        `off target: ${value} against a target of ${reference}`,
      worsening: (value: string, reference: string) =>
        `worse two periods in a row: ${value}, after ${reference} the period before`,
      nps_below: (value: string, reference: string) =>
        `below the alert threshold: ${value} (alert below ${reference})`,
      detractor_rise: (value: string, reference: string) => `detractors rose to ${value}, from ${reference}`,
    },
    subject: (metric: string, segment: string, what: string, label: string) =>
      `Harbor alert: ${metric} of ${segment} ${what} (${label})`,
    body: (page: string) =>
      [
        `Harbor’s trend alert for your book. Open Harbor’s “${page}” page in HubSpot, see which accounts are behind the figure, and agree the plan for them with their owners.`,
        'This task is on the segment’s largest account because HubSpot tasks belong to a record; the alert is about the whole segment.',
        'The alert is on the portfolio page until the metric recovers; Harbor then clears it by itself.',
      ].join('\n\n'),
  },
  'pt-BR': {
    metric: {
      grr: 'GRR',
      nrr: 'NRR',
      logoChurn: 'Churn de logos',
      grossRevenueChurn: 'Churn bruto de receita',
      netRevenueChurn: 'Churn líquido de receita',
      nps: 'NPS',
      detractorShare: 'Parcela de detratores',
    },
    all: 'todos os clientes',
    kind: {
      below_target: (value: string, reference: string) =>
        `fora da meta: ${value} para uma meta de ${reference}`,
      worsening: (value: string, reference: string) =>
        `pior dois períodos seguidos: ${value}, depois de ${reference} no período anterior`,
      nps_below: (value: string, reference: string) =>
        `abaixo do limite de alerta: ${value} (alerta abaixo de ${reference})`,
      detractor_rise: (value: string, reference: string) =>
        `detratores subiram para ${value}, de ${reference}`,
    },
    subject: (metric: string, segment: string, what: string, label: string) =>
      `Alerta do Harbor: ${metric} de ${segment} ${what} (${label})`,
    body: (page: string) =>
      [
        `Alerta de tendência do Harbor para a sua carteira. Abra a página “${page}” do Harbor na HubSpot, veja quais contas estão por trás do número e combine o plano para elas com os responsáveis.`,
        'Esta tarefa está na maior conta do segmento porque as tarefas da HubSpot pertencem a um registro; o alerta é sobre o segmento inteiro.',
        'O alerta fica na página da carteira até a métrica se recuperar; aí o Harbor o encerra sozinho.',
      ].join('\n\n'),
  },
} as const;

const pages: Record<TaskLanguage, { retention: string; nps: string }> = {
  en: { retention: 'Retention', nps: 'NPS' },
  'pt-BR': { retention: 'Retenção', nps: 'NPS' },
};

/** A ratio or share as a percentage with one decimal (0.84 → 84.0 %), NPS as points (−10 → −10). */
export function formatAlertValue(metric: AlertMetric, value: number, language: TaskLanguage): string {
  if (metric === 'nps') return String(Math.round(value * 10) / 10);
  const percent = (value * 100).toFixed(1);
  return `${language === 'pt-BR' ? percent.replace('.', ',') : percent} %`;
}

/** The CS lead's task for an alert: on the segment's anchor account, high priority, due in two days. */
export function alertTask(
  portalId: number,
  alert: AlertForTask,
  routing: { ownerId: string; companyId: string; language: TaskLanguage },
  now: number,
): TaskRequest {
  const text = texts[routing.language];
  const format = (value: number) => formatAlertValue(alert.metric, value, routing.language);
  const segment = alert.segment === 'all' ? text.all : alert.segment;
  const what = text.kind[alert.kind](format(alert.value), format(alert.reference));
  const npsRule = alert.metric === 'nps' || alert.metric === 'detractorShare';
  return {
    portalId,
    companyId: routing.companyId,
    key: alertTaskKey(alert.id),
    subject: text.subject(
      text.metric[alert.metric],
      segment,
      what,
      periodLabel(alert.period, alert.periodStart),
    ),
    body: text.body(npsRule ? pages[routing.language].nps : pages[routing.language].retention),
    dueAt: new Date(now + 2 * DAY_MS),
    priority: 'HIGH',
    type: 'TODO',
    ownerId: routing.ownerId,
  };
}
