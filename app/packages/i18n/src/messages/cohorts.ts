import { defineMessages } from '../define-messages.ts';

/** The home page "Cohorts": Kaplan–Meier survival of customers by start quarter. Keys start with `cohorts.`. */
export const cohortMessages = defineMessages({
  en: {
    'cohorts.nav': 'Cohorts',
    'cohorts.title': 'Cohorts',
    'cohorts.intro':
      'How long customers stay, grouped by the quarter they started. Each line is the share of a cohort still a customer at each age, in quarters since their start. Customers who are still active count only up to their age today, so young cohorts are not read as churned (Kaplan–Meier survival).',
    'cohorts.window': 'Customers who started from {from} to {to}; measured up to {asOf}.',
    'cohorts.empty.title': 'No cohorts yet',
    'cohorts.empty.body':
      'No customer started in the last 12 quarters, as far as Harbor can tell from the synced deals. Cohorts appear once companies have a won new-business deal or a contract value, after the next sync.',
    'cohorts.empty.retry': 'Check again',
    'cohorts.chart.logos': 'Customers retained by age',
    'cohorts.chart.revenue': 'Starting revenue retained by age',
    'cohorts.chart.revenueHelp':
      'The share of each cohort’s starting annual recurring revenue whose customers are still customers. Upsells and downgrades do not move it: the Retention page shows those.',
    'cohorts.axis.age': 'Age (quarters since start)',
    'cohorts.axis.survival': 'Still customers (%)',
    'cohorts.axis.revenueSurvival': 'Starting revenue retained (%)',
    'cohorts.summary.title': 'Median lifetime per cohort',
    'cohorts.summary.help':
      'The median lifetime is the first age at which half of the cohort (or of its starting revenue) is gone. “Not reached” means more than half is still here.',
    'cohorts.column.cohort': 'Cohort',
    'cohorts.column.customers': 'Customers',
    'cohorts.column.active': 'Still active',
    'cohorts.column.startingRevenue': 'Starting revenue',
    'cohorts.column.median': 'Median lifetime',
    'cohorts.column.revenueMedian': 'Median lifetime (revenue)',
    'cohorts.column.age': 'Age (quarters)',
    'cohorts.column.atRisk': 'At risk',
    'cohorts.column.events': 'Churned',
    'cohorts.column.censored': 'Still active, observed to here',
    'cohorts.column.logoSurvival': 'Customers retained',
    'cohorts.column.revenueSurvival': 'Revenue retained',
    'cohorts.quarters': { one: '1 quarter', other: '{count} quarters' },
    'cohorts.notReached': 'Not reached',
    'cohorts.all': 'All cohorts',
    'cohorts.detail.title': 'The table behind the chart',
    'cohorts.detail.help':
      'For each age: customers still observed, how many churned and how many active customers stop being observed there (their age today), and the survival after them.',
    'cohorts.detail.pick': 'Cohort',
  },
  'pt-BR': {
    'cohorts.nav': 'Coortes',
    'cohorts.title': 'Coortes',
    'cohorts.intro':
      'Quanto tempo os clientes ficam, agrupados pelo trimestre em que começaram. Cada linha é a parcela de uma coorte que ainda é cliente em cada idade, em trimestres desde o início. Clientes ainda ativos contam só até a idade de hoje, então coortes jovens não são lidas como perdidas (sobrevivência de Kaplan–Meier).',
    'cohorts.window': 'Clientes que começaram de {from} a {to}; medido até {asOf}.',
    'cohorts.empty.title': 'Ainda sem coortes',
    'cohorts.empty.body':
      'Nenhum cliente começou nos últimos 12 trimestres, pelo que o Harbor vê nos negócios sincronizados. As coortes aparecem quando as empresas têm um negócio novo ganho ou um valor de contrato, após a próxima sincronização.',
    'cohorts.empty.retry': 'Verificar de novo',
    'cohorts.chart.logos': 'Clientes retidos por idade',
    'cohorts.chart.revenue': 'Receita inicial retida por idade',
    'cohorts.chart.revenueHelp':
      'A parcela da receita recorrente anual inicial de cada coorte cujos clientes ainda são clientes. Upsells e reduções não a movem: a página Retenção mostra esses.',
    'cohorts.axis.age': 'Idade (trimestres desde o início)',
    'cohorts.axis.survival': 'Ainda clientes (%)',
    'cohorts.axis.revenueSurvival': 'Receita inicial retida (%)',
    'cohorts.summary.title': 'Vida mediana por coorte',
    'cohorts.summary.help':
      'A vida mediana é a primeira idade em que metade da coorte (ou da sua receita inicial) já saiu. “Não atingida” quer dizer que mais da metade continua.',
    'cohorts.column.cohort': 'Coorte',
    'cohorts.column.customers': 'Clientes',
    'cohorts.column.active': 'Ainda ativos',
    'cohorts.column.startingRevenue': 'Receita inicial',
    'cohorts.column.median': 'Vida mediana',
    'cohorts.column.revenueMedian': 'Vida mediana (receita)',
    'cohorts.column.age': 'Idade (trimestres)',
    'cohorts.column.atRisk': 'Em risco',
    'cohorts.column.events': 'Perdidos',
    'cohorts.column.censored': 'Ainda ativos, observados até aqui',
    'cohorts.column.logoSurvival': 'Clientes retidos',
    'cohorts.column.revenueSurvival': 'Receita retida',
    'cohorts.quarters': { one: '1 trimestre', other: '{count} trimestres' },
    'cohorts.notReached': 'Não atingida',
    'cohorts.all': 'Todas as coortes',
    'cohorts.detail.title': 'A tabela por trás do gráfico',
    'cohorts.detail.help':
      'Para cada idade: clientes ainda observados, quantos saíram e quantos clientes ativos deixam de ser observados ali (a idade deles hoje), e a sobrevivência depois deles.',
    'cohorts.detail.pick': 'Coorte',
  },
});
