import { defineMessages } from '../../define-messages.ts';

/**
 * The Indicators tab's settings of the support, invoice-status and survey indicators. Keys start with
 * `settings.`.
 */
export const settingsIndicatorParameterMessages = defineMessages({
  en: {
    'settings.support.title': 'Support tickets',
    'settings.support.lookbackDays': 'Days of tickets to look at',
    'settings.support.lookbackDaysHelp':
      'Urgent share, time to close and escalations count the tickets created in this many past days (7 to 730).',
    'settings.support.sla': 'Hours to close, per priority',
    'settings.support.slaHelp':
      'Your SLA: how many hours a ticket of each priority may take to close. Priorities not listed use “Any other priority”.',
    'settings.support.slaAdd': 'Add hours for a priority',
    'settings.support.remove': 'Remove',
    'settings.support.urgent': 'Urgent priorities',
    'settings.support.urgentHelp':
      'Tickets with these priorities count as urgent in the share of urgent tickets.',
    'settings.priority.URGENT': 'Urgent',
    'settings.priority.HIGH': 'High',
    'settings.priority.MEDIUM': 'Medium',
    'settings.priority.LOW': 'Low',
    'settings.priority.default': 'Any other priority',
    'settings.payment.title': 'Invoice status',
    'settings.payment.help':
      'Points (0–100) for each value of the invoice status property; a value not listed counts as unknown.',
    'settings.payment.none': 'No invoice status is scored yet.',
    'settings.payment.add': 'Add a status',
    'settings.payment.remove': 'Remove',
    'settings.sentiment.title': 'Survey answers (NPS, CSAT, CES)',
    'settings.sentiment.halfLifeDays': 'Half-life in days',
    'settings.sentiment.halfLifeDaysHelp':
      'An answer this many days old counts half as much as one given today.',
    'settings.sentiment.maxAgeDays': 'Ignore answers older than (days)',
    'settings.sentiment.maxAgeDaysHelp': 'Answers older than this many days are left out entirely.',
    'settings.sentiment.fullConfidenceResponses': 'Answers for full confidence',
    'settings.sentiment.fullConfidenceResponsesHelp':
      'With fewer answers than this, the survey still counts, but Harbor treats its indicator as only partly known.',
  },
  'pt-BR': {
    'settings.support.title': 'Tickets de suporte',
    'settings.support.lookbackDays': 'Dias de tickets considerados',
    'settings.support.lookbackDaysHelp':
      'A proporção de urgentes, o tempo de resolução e os escalonamentos contam os tickets criados nesse número de dias (7 a 730).',
    'settings.support.sla': 'Horas para resolver, por prioridade',
    'settings.support.slaHelp':
      'O seu SLA: quantas horas um ticket de cada prioridade pode levar para ser resolvido. Prioridades não listadas usam “Qualquer outra prioridade”.',
    'settings.support.slaAdd': 'Adicionar horas para uma prioridade',
    'settings.support.remove': 'Remover',
    'settings.support.urgent': 'Prioridades urgentes',
    'settings.support.urgentHelp':
      'Tickets com essas prioridades contam como urgentes na proporção de tickets urgentes.',
    'settings.priority.URGENT': 'Urgente',
    'settings.priority.HIGH': 'Alta',
    'settings.priority.MEDIUM': 'Média',
    'settings.priority.LOW': 'Baixa',
    'settings.priority.default': 'Qualquer outra prioridade',
    'settings.payment.title': 'Situação da fatura',
    'settings.payment.help':
      'Pontos (0 a 100) para cada valor da propriedade de situação da fatura; um valor não listado conta como desconhecido.',
    'settings.payment.none': 'Nenhuma situação de fatura pontuada ainda.',
    'settings.payment.add': 'Adicionar uma situação',
    'settings.payment.remove': 'Remover',
    'settings.sentiment.title': 'Respostas de pesquisas (NPS, CSAT, CES)',
    'settings.sentiment.halfLifeDays': 'Meia-vida em dias',
    'settings.sentiment.halfLifeDaysHelp':
      'Uma resposta com essa idade em dias conta metade de uma resposta dada hoje.',
    'settings.sentiment.maxAgeDays': 'Ignorar respostas com mais de (dias)',
    'settings.sentiment.maxAgeDaysHelp':
      'Respostas mais antigas que esse número de dias ficam totalmente de fora.',
    'settings.sentiment.fullConfidenceResponses': 'Respostas para confiança total',
    'settings.sentiment.fullConfidenceResponsesHelp':
      'Com menos respostas do que isso, a pesquisa ainda conta, mas o Harbor considera o indicador só parcialmente conhecido.',
  },
});
