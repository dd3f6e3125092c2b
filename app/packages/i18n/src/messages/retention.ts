import { defineMessages } from '../define-messages.ts';

/**
 * The home pages "Retention" and "Retention strategy". Keys start with `retention.`; signal types and
 * playbook names come from the signal and playbook catalogues. Percentages arrive formatted; `{period}` is a
 * period's label ("2026 Q3", "Sep 2026", "2026").
 */
export const retentionMessages = defineMessages({
  en: {
    'retention.nav.retention': 'Retention',
    'retention.nav.strategy': 'Retention strategy',
    'retention.title': 'Retention',
    'retention.intro':
      'Gross and net revenue retention and logo churn of the customers active at the start of each period, by segment, against the targets set in Settings → Reports. A customer who joins during a period counts from the next one.',
    'retention.period.label': 'Period',
    'retention.period.month': 'Month',
    'retention.period.quarter': 'Quarter',
    'retention.period.year': 'Year',
    'retention.period.quarterLabel': '{year} Q{quarter}',
    'retention.period.partial': '{period} (so far)',
    'retention.partial':
      '{period} is still under way: its figures can change until it ends, so the targets are checked against {last}, the last complete one.',
    'retention.partialNoComplete':
      '{period} is still under way and no earlier period is complete yet, so nothing is checked against the targets.',
    'retention.targets.title': 'Against the targets: {period}',
    'retention.targets.titleNone': 'Against the targets',
    'retention.targets.noComplete': 'No period is complete yet, so nothing is checked against the targets.',
    'retention.targets.intro':
      'Each segment’s figures for the last complete period. A segment without its own target is held to the whole book’s.',
    'retention.column.segment': 'Segment',
    'retention.column.metric': 'Metric',
    'retention.column.customers': 'Customers at start',
    'retention.column.now': 'Now',
    'retention.column.target': 'Target',
    'retention.column.status': 'Status',
    'retention.column.trend': 'Trend (last 4 periods)',
    'retention.segment.all': 'All customers',
    'retention.metric.grr': 'Gross revenue retention (GRR)',
    'retention.metric.nrr': 'Net revenue retention (NRR)',
    'retention.metric.logoChurn': 'Logo churn',
    'retention.metric.grossRevenueChurn': 'Gross revenue churn',
    'retention.metric.netRevenueChurn': 'Net revenue churn',
    'retention.metric.nps': 'NPS',
    'retention.target.atLeast': 'at least {value}',
    'retention.target.atMost': 'at most {value}',
    'retention.target.book': '{target} (whole book)',
    'retention.target.none': 'No target',
    'retention.status.met': 'Met',
    'retention.status.missed': 'Missed',
    'retention.status.no_target': 'No target set',
    'retention.status.no_data': 'No customers',
    'retention.status.no_answers': 'No answers',
    'retention.status.too_few_answers': 'Too few answers',
    'retention.trend.better': 'Better',
    'retention.trend.worse': 'Worse',
    'retention.trend.flat': 'Flat',
    'retention.trend.none': 'Too few periods',
    'retention.value.none': '—',
    'retention.nps.now': { one: '{score} (1 answer)', other: '{score} ({count} answers)' },
    'retention.charts.title': 'Trend over the last 12 periods',
    'retention.charts.intro':
      'One line per segment, in percent. A period without customers at its start has no point.',
    'retention.charts.axisPeriod': 'Period',
    'retention.charts.axisPercent': 'Percent',
    'retention.charts.few': 'Fewer than two periods have figures yet, so there is no line to draw.',
    'retention.empty.title': 'No customers to measure yet',
    'retention.empty.body':
      'Retention is measured from the customers active at the start of each period. Companies count once they have a contract value or won deals synced from HubSpot.',
    'retention.empty.retry': 'Check again',
    'retention.strategy.title': 'Retention strategy',
    'retention.strategy.intro':
      'The retention plan per segment: what Harbor does by itself when a signal fires, the playbook it starts, the retention targets, and where the segment stands against them. Triggers are set in Settings → Automations, playbooks in Settings → Playbooks, targets in Settings → Reports.',
    'retention.strategy.asOf':
      '“Now” is {period}, the last complete period. Trends read the last four complete periods: better or worse by each metric’s direction, flat within half a percentage point.',
    'retention.strategy.noComplete':
      'No period is complete yet, so there are no figures to hold against the targets; the automations below already act.',
    'retention.strategy.standing':
      '{customers} customers and {revenue} of annual recurring revenue at the start of {period}.',
    'retention.strategy.attention': 'Needs attention: {items}.',
    'retention.strategy.attentionMissed': '{metric} missed its target ({now} against {target})',
    'retention.strategy.attentionWorse': '{metric} is getting worse',
    'retention.strategy.onTrack': 'Every target set is met, and no metric is getting worse.',
    'retention.strategy.noCustomers': 'No customers at the start of {period}: nothing to measure yet.',
    'retention.strategy.actsTitle': 'What Harbor does by itself',
    'retention.strategy.actsNone': 'No automation acts in this segment.',
    'retention.strategy.trigger': '{trigger}: when {when}, Harbor {action}.',
    'retention.strategy.offTitle': 'Not acting here',
    'retention.strategy.off': '{trigger}: {reason}.',
    'retention.strategy.steps': {
      one: 'The {playbook} playbook’s step',
      other: 'The {playbook} playbook’s {count} steps',
    },
    'retention.strategy.step': {
      zero: '{title} (due the day it is created)',
      one: '{title} (due 1 day after it is created)',
      other: '{title} (due {count} days after it is created)',
    },
    'retention.action.open_signal': 'opens the signal; its owner chooses the action by the due date',
    'retention.action.create_task': 'creates one HubSpot task for the signal’s owner',
    'retention.action.start_playbook': {
      one: 'starts the {playbook} playbook (1 step)',
      other: 'starts the {playbook} playbook ({count} steps)',
    },
    'retention.action.playbookOff':
      'would start the {playbook} playbook, but it is off in this segment, so only the signal opens',
    'retention.off.automation_off': 'its automation is off',
    'retention.off.rule_off': 'its signal rule is off in this segment',
    'retention.off.no_renewal_date': 'no renewal-date property is set, so the rule has nothing to read',
    'retention.when.low_health':
      'the health score is below {score}, or the tier dropped to at risk in the last {days} days',
    'retention.when.renewal_window': 'the renewal date is {from} to {to} days ahead',
    'retention.when.detractor': 'a contact answers NPS {maxNps} or lower (answers of the last {days} days)',
    'retention.when.large_onboarding':
      'a company created in the last {days} days has a contract value of at least {value}',
    'retention.when.large_onboarding_segment':
      'a company of this segment was created in the last {days} days (every new one counts here, whatever its contract value)',
    'retention.when.expansion':
      'a healthy account uses at least {seats} of its seats, or its logins grew {growth} or more against the 30 days before (from at least {logins} logins)',
    'retention.when.usage_drop':
      'logins or active users fell {drop} or more against the 30 days before (from at least {logins} logins), or fewer than {seats} of the seats are in use',
    'retention.when.critical_ticket': '{tickets} or more open urgent tickets are past {multiple}× their SLA',
    'retention.when.critical_ticket_escalated':
      '{tickets} or more open urgent tickets are past {multiple}× their SLA or escalated',
    'retention.when.late_payment': 'an invoice is {days} or more days past due',
    'retention.when.late_payment_status':
      'an invoice is {days} or more days past due, or the invoice status is {statuses}',
    'retention.when.or': ' or ',
    'retention.trigger.low_health': 'Low health score',
    'retention.trigger.renewal_window': 'Renewal window',
    'retention.trigger.detractor': 'Detractor answer',
    'retention.trigger.large_onboarding': 'Large onboarding',
    'retention.trigger.expansion': 'Expansion opportunity',
    'retention.trigger.usage_drop': 'Usage drop',
    'retention.trigger.critical_ticket': 'Critical ticket',
    'retention.trigger.late_payment': 'Late payment',
  },
  'pt-BR': {
    'retention.nav.retention': 'Retenção',
    'retention.nav.strategy': 'Estratégia de retenção',
    'retention.title': 'Retenção',
    'retention.intro':
      'Retenção bruta e líquida de receita e churn de logos dos clientes ativos no início de cada período, por segmento, frente às metas definidas em Configurações → Relatórios. Um cliente que entra durante um período conta a partir do seguinte.',
    'retention.period.label': 'Período',
    'retention.period.month': 'Mês',
    'retention.period.quarter': 'Trimestre',
    'retention.period.year': 'Ano',
    'retention.period.quarterLabel': '{year} T{quarter}',
    'retention.period.partial': '{period} (até agora)',
    'retention.partial':
      '{period} ainda está em andamento: os números podem mudar até ele terminar, por isso as metas são conferidas em {last}, o último período completo.',
    'retention.partialNoComplete':
      '{period} ainda está em andamento e nenhum período anterior está completo, por isso nada é conferido contra as metas.',
    'retention.targets.title': 'Frente às metas: {period}',
    'retention.targets.titleNone': 'Frente às metas',
    'retention.targets.noComplete':
      'Nenhum período está completo ainda, então nada é conferido contra as metas.',
    'retention.targets.intro':
      'Os números de cada segmento no último período completo. Um segmento sem meta própria segue a meta da carteira toda.',
    'retention.column.segment': 'Segmento',
    'retention.column.metric': 'Métrica',
    'retention.column.customers': 'Clientes no início',
    'retention.column.now': 'Agora',
    'retention.column.target': 'Meta',
    'retention.column.status': 'Situação',
    'retention.column.trend': 'Tendência (últimos 4 períodos)',
    'retention.segment.all': 'Todos os clientes',
    'retention.metric.grr': 'Retenção bruta de receita (GRR)',
    'retention.metric.nrr': 'Retenção líquida de receita (NRR)',
    'retention.metric.logoChurn': 'Churn de logos',
    'retention.metric.grossRevenueChurn': 'Churn bruto de receita',
    'retention.metric.netRevenueChurn': 'Churn líquido de receita',
    'retention.metric.nps': 'NPS',
    'retention.target.atLeast': 'no mínimo {value}',
    'retention.target.atMost': 'no máximo {value}',
    'retention.target.book': '{target} (carteira toda)',
    'retention.target.none': 'Sem meta',
    'retention.status.met': 'Atingida',
    'retention.status.missed': 'Não atingida',
    'retention.status.no_target': 'Sem meta definida',
    'retention.status.no_data': 'Sem clientes',
    'retention.status.no_answers': 'Sem respostas',
    'retention.status.too_few_answers': 'Poucas respostas',
    'retention.trend.better': 'Melhor',
    'retention.trend.worse': 'Pior',
    'retention.trend.flat': 'Estável',
    'retention.trend.none': 'Poucos períodos',
    'retention.value.none': '—',
    'retention.nps.now': { one: '{score} (1 resposta)', other: '{score} ({count} respostas)' },
    'retention.charts.title': 'Tendência nos últimos 12 períodos',
    'retention.charts.intro':
      'Uma linha por segmento, em porcentagem. Um período sem clientes no início não tem ponto.',
    'retention.charts.axisPeriod': 'Período',
    'retention.charts.axisPercent': 'Porcentagem',
    'retention.charts.few': 'Menos de dois períodos têm números até agora, então não há linha para desenhar.',
    'retention.empty.title': 'Ainda não há clientes para medir',
    'retention.empty.body':
      'A retenção é medida a partir dos clientes ativos no início de cada período. As empresas contam quando têm valor de contrato ou negócios ganhos sincronizados do HubSpot.',
    'retention.empty.retry': 'Verificar de novo',
    'retention.strategy.title': 'Estratégia de retenção',
    'retention.strategy.intro':
      'O plano de retenção por segmento: o que o Harbor faz sozinho quando um sinal dispara, o playbook que ele inicia, as metas de retenção e onde o segmento está frente a elas. Os gatilhos ficam em Configurações → Automações, os playbooks em Configurações → Playbooks e as metas em Configurações → Relatórios.',
    'retention.strategy.asOf':
      '“Agora” é {period}, o último período completo. As tendências leem os quatro últimos períodos completos: melhor ou pior conforme a direção de cada métrica, estável dentro de meio ponto percentual.',
    'retention.strategy.noComplete':
      'Nenhum período está completo ainda, então não há números para comparar com as metas; as automações abaixo já atuam.',
    'retention.strategy.standing':
      '{customers} clientes e {revenue} de receita recorrente anual no início de {period}.',
    'retention.strategy.attention': 'Pede atenção: {items}.',
    'retention.strategy.attentionMissed': '{metric} não atingiu a meta ({now} frente a {target})',
    'retention.strategy.attentionWorse': '{metric} está piorando',
    'retention.strategy.onTrack': 'Todas as metas definidas foram atingidas e nenhuma métrica está piorando.',
    'retention.strategy.noCustomers': 'Sem clientes no início de {period}: nada para medir ainda.',
    'retention.strategy.actsTitle': 'O que o Harbor faz sozinho',
    'retention.strategy.actsNone': 'Nenhuma automação atua neste segmento.',
    'retention.strategy.trigger': '{trigger}: quando {when}, o Harbor {action}.',
    'retention.strategy.offTitle': 'Não atua aqui',
    'retention.strategy.off': '{trigger}: {reason}.',
    'retention.strategy.steps': {
      one: 'A etapa do playbook {playbook}',
      other: 'As {count} etapas do playbook {playbook}',
    },
    'retention.strategy.step': {
      zero: '{title} (vence no dia em que é criada)',
      one: '{title} (vence 1 dia depois de criada)',
      other: '{title} (vence {count} dias depois de criada)',
    },
    'retention.action.open_signal': 'abre o sinal; o responsável escolhe a ação até o prazo',
    'retention.action.create_task': 'cria uma tarefa no HubSpot para o responsável pelo sinal',
    'retention.action.start_playbook': {
      one: 'inicia o playbook {playbook} (1 etapa)',
      other: 'inicia o playbook {playbook} ({count} etapas)',
    },
    'retention.action.playbookOff':
      'iniciaria o playbook {playbook}, mas ele está desligado neste segmento, então só o sinal abre',
    'retention.off.automation_off': 'a automação está desligada',
    'retention.off.rule_off': 'a regra do sinal está desligada neste segmento',
    'retention.off.no_renewal_date':
      'nenhuma propriedade de data de renovação está definida, então a regra não tem o que ler',
    'retention.when.low_health':
      'a pontuação de saúde fica abaixo de {score}, ou o nível caiu para em risco nos últimos {days} dias',
    'retention.when.renewal_window': 'a data de renovação está entre {from} e {to} dias à frente',
    'retention.when.detractor':
      'um contato responde NPS {maxNps} ou menos (respostas dos últimos {days} dias)',
    'retention.when.large_onboarding':
      'uma empresa criada nos últimos {days} dias tem valor de contrato de pelo menos {value}',
    'retention.when.large_onboarding_segment':
      'uma empresa deste segmento foi criada nos últimos {days} dias (toda nova conta aqui, qualquer que seja o valor de contrato)',
    'retention.when.expansion':
      'uma conta saudável usa pelo menos {seats} das licenças, ou os logins cresceram {growth} ou mais frente aos 30 dias anteriores (a partir de pelo menos {logins} logins)',
    'retention.when.usage_drop':
      'logins ou usuários ativos caíram {drop} ou mais frente aos 30 dias anteriores (a partir de pelo menos {logins} logins), ou menos de {seats} das licenças estão em uso',
    'retention.when.critical_ticket':
      '{tickets} ou mais tickets urgentes abertos passaram de {multiple}× o SLA',
    'retention.when.critical_ticket_escalated':
      '{tickets} ou mais tickets urgentes abertos passaram de {multiple}× o SLA ou foram escalados',
    'retention.when.late_payment': 'uma fatura está {days} ou mais dias vencida',
    'retention.when.late_payment_status':
      'uma fatura está {days} ou mais dias vencida, ou o status da fatura é {statuses}',
    'retention.when.or': ' ou ',
    'retention.trigger.low_health': 'Pontuação de saúde baixa',
    'retention.trigger.renewal_window': 'Janela de renovação',
    'retention.trigger.detractor': 'Resposta detratora',
    'retention.trigger.large_onboarding': 'Onboarding de grande porte',
    'retention.trigger.expansion': 'Oportunidade de expansão',
    'retention.trigger.usage_drop': 'Queda de uso',
    'retention.trigger.critical_ticket': 'Ticket crítico',
    'retention.trigger.late_payment': 'Pagamento em atraso',
  },
});
