import { defineMessages } from '../define-messages.ts';

/** The home page "Feedback digest". Keys start with `digest.`. */
export const digestMessages = defineMessages({
  en: {
    'digest.nav': 'Feedback digest',
    'digest.title': 'Feedback digest',
    'digest.intro':
      'Each month Harbor groups customers’ survey comments and feature-request tickets into themes for the product team: how often each came up, which companies asked and their contract value, and how it compares with the month before.',
    'digest.empty.title': 'No digest yet',
    'digest.empty.body':
      'Harbor builds last month’s digest on the 1st of each month (06:23 UTC) from the survey comments and feature-request tickets it has synced. The first one appears here then.',
    'digest.empty.retry': 'Check again',
    'digest.pick': 'Month',
    'digest.summary': {
      one: '1 comment or ticket in {themes} themes, from {surveys} survey comments and {tickets} feature-request tickets. Last month: {previous}.',
      other:
        '{count} comments and tickets in {themes} themes, from {surveys} survey comments and {tickets} feature-request tickets. Last month: {previous}.',
    },
    'digest.noFeedback': 'No survey comments or feature-request tickets that month.',
    'digest.built': 'Built on {date}. Months are calendar months in UTC.',
    'digest.delivery.task': 'Sent to the product owner as a HubSpot task.',
    'digest.delivery.note': 'Sent to the product owner as a HubSpot note.',
    'digest.delivery.not_routed':
      'Not sent: no product owner is set in the report settings (hand-offs, product). It stays here.',
    'digest.delivery.empty': 'Nothing sent: there was no feedback that month.',
    'digest.delivery.pending': 'Not sent yet: Harbor tries again at the next run.',
    'digest.delivery.failed': 'Sending failed; Harbor tries again at the next run.',
    'digest.themes.title': 'Themes',
    'digest.themes.help':
      'A theme is a group of comments and tickets that share their key words. Contract value adds up each company behind a theme once, in {currency}.',
    'digest.themes.helpNoCurrency':
      'A theme is a group of comments and tickets that share their key words. Contract value adds up each company behind a theme once.',
    'digest.column.theme': 'Theme',
    'digest.column.count': 'Comments and tickets',
    'digest.column.companies': 'Companies',
    'digest.column.value': 'Contract value',
    'digest.column.trend': 'Against last month',
    'digest.trend.new': 'New (none last month)',
    'digest.trend.up': 'Up from {previous}',
    'digest.trend.down': 'Down from {previous}',
    'digest.trend.flat': 'Same as last month',
    'digest.withoutValue': {
      one: '1 company has no contract value',
      other: '{count} companies have no contract value',
    },
    'digest.quotes.title': 'What customers said: {theme}',
    'digest.quote': '“{text}” — {company} ({source})',
    'digest.quote.unknownCompany': 'company unknown',
    'digest.source.survey': 'survey',
    'digest.source.ticket': 'ticket',
    'digest.other.title': 'Other feedback',
    'digest.other.body': {
      one: '1 comment or ticket resembles no other one this month.',
      other: '{count} comments and tickets resemble no other one this month.',
    },
  },
  'pt-BR': {
    'digest.nav': 'Resumo de feedback',
    'digest.title': 'Resumo de feedback',
    'digest.intro':
      'Todo mês o Harbor agrupa os comentários de pesquisa e os tickets de sugestão dos clientes em temas para o time de produto: quantas vezes cada um apareceu, quais empresas pediram e o valor de contrato delas, e como se compara com o mês anterior.',
    'digest.empty.title': 'Ainda não há resumo',
    'digest.empty.body':
      'O Harbor monta o resumo do mês anterior no dia 1º de cada mês (06:23 UTC) a partir dos comentários de pesquisa e tickets de sugestão sincronizados. O primeiro aparece aqui nesse dia.',
    'digest.empty.retry': 'Verificar de novo',
    'digest.pick': 'Mês',
    'digest.summary': {
      one: '1 comentário ou ticket em {themes} temas, de {surveys} comentários de pesquisa e {tickets} tickets de sugestão. Mês anterior: {previous}.',
      other:
        '{count} comentários e tickets em {themes} temas, de {surveys} comentários de pesquisa e {tickets} tickets de sugestão. Mês anterior: {previous}.',
    },
    'digest.noFeedback': 'Nenhum comentário de pesquisa ou ticket de sugestão nesse mês.',
    'digest.built': 'Montado em {date}. Os meses são meses do calendário em UTC.',
    'digest.delivery.task': 'Enviado ao responsável de produto como tarefa na HubSpot.',
    'digest.delivery.note': 'Enviado ao responsável de produto como nota na HubSpot.',
    'digest.delivery.not_routed':
      'Não enviado: não há responsável de produto nas configurações de relatórios (encaminhamentos, produto). Ele fica aqui.',
    'digest.delivery.empty': 'Nada enviado: não houve feedback nesse mês.',
    'digest.delivery.pending': 'Ainda não enviado: o Harbor tenta de novo na próxima execução.',
    'digest.delivery.failed': 'O envio falhou; o Harbor tenta de novo na próxima execução.',
    'digest.themes.title': 'Temas',
    'digest.themes.help':
      'Um tema é um grupo de comentários e tickets que compartilham as palavras principais. O valor de contrato soma cada empresa por trás do tema uma vez, em {currency}.',
    'digest.themes.helpNoCurrency':
      'Um tema é um grupo de comentários e tickets que compartilham as palavras principais. O valor de contrato soma cada empresa por trás do tema uma vez.',
    'digest.column.theme': 'Tema',
    'digest.column.count': 'Comentários e tickets',
    'digest.column.companies': 'Empresas',
    'digest.column.value': 'Valor de contrato',
    'digest.column.trend': 'Contra o mês anterior',
    'digest.trend.new': 'Novo (nenhum no mês anterior)',
    'digest.trend.up': 'Subiu de {previous}',
    'digest.trend.down': 'Caiu de {previous}',
    'digest.trend.flat': 'Igual ao mês anterior',
    'digest.withoutValue': {
      one: '1 empresa sem valor de contrato',
      other: '{count} empresas sem valor de contrato',
    },
    'digest.quotes.title': 'O que os clientes disseram: {theme}',
    'digest.quote': '“{text}” — {company} ({source})',
    'digest.quote.unknownCompany': 'empresa desconhecida',
    'digest.source.survey': 'pesquisa',
    'digest.source.ticket': 'ticket',
    'digest.other.title': 'Outros comentários',
    'digest.other.body': {
      one: '1 comentário ou ticket não se parece com nenhum outro neste mês.',
      other: '{count} comentários e tickets não se parecem com nenhum outro neste mês.',
    },
  },
});
