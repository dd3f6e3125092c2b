import { defineMessages } from '../../define-messages.ts';

/**
 * The Signals, Automations and Playbooks tabs: the signal rules and their thresholds, what Harbor does by
 * itself, and the playbooks' steps. Keys start with `settings.`.
 */
export const settingsActionsMessages = defineMessages({
  en: {
    'settings.tab.signals': 'Signals',
    'settings.tab.automations': 'Automations',
    'settings.tab.playbooks': 'Playbooks',
    'settings.actions.save.button': 'Save signals, automations and playbooks',
    'settings.actions.save.failedTitle': 'The settings could not be saved',
    'settings.actions.save.doneBody':
      'Harbor uses them from the next signal check. Playbooks already running keep the steps they started with.',
    'settings.actions.save.unsaved':
      'Unsaved changes on the Signals, Automations or Playbooks tab. The health model is saved apart, above the tabs.',
    'settings.actions.error.dueOrder':
      'A more severe signal needs as many days or fewer: Critical ≤ High ≤ Medium ≤ Low.',
    'settings.actions.error.windowOrder': '“From” must be as many days ahead as “To”, or fewer.',
    'settings.actions.error.ownerId': 'Enter a HubSpot owner id: digits only.',
    'settings.actions.error.noSteps': 'A playbook needs at least one step.',
    'settings.actions.error.stepTitle': 'Give the task a title.',
    'settings.actions.error.emptyText': 'Remove the empty entry.',
    'settings.actions.error.tooLong': 'Keep it to {max} characters or fewer.',
    'settings.actions.list.empty': 'None yet.',
    'settings.actions.list.add': 'Add to “{label}”',
    'settings.actions.list.remove': 'Remove',
    'settings.actions.toggle.on': 'On',
    'settings.actions.toggle.off': 'Off',

    'settings.signals.help':
      'Signals are risks and opportunities Harbor finds in a company’s data. Each one gets an owner, a due date and a defined action; a risk left without an action past its due date goes to the CS lead.',
    'settings.signals.rules': 'Rules',
    'settings.signals.ruleTitle': '{rule} — {state}',
    'settings.signals.on': 'on',
    'settings.signals.off': 'off',
    'settings.signals.enabled': 'Harbor watches for this',
    'settings.signals.percent': '{label} (%)',
    'settings.signals.rule.low_health.help':
      'Fires when the health score falls below a threshold, or the company has just dropped into At risk.',
    'settings.signals.rule.usage_drop.help':
      'Fires when logins or active users fall sharply against the month before, or few of the seats bought are used.',
    'settings.signals.rule.critical_ticket.help':
      'Fires when urgent tickets stay open well past their SLA (the hours set on the Indicators tab), or support escalated them.',
    'settings.signals.rule.late_payment.help':
      'Fires when an invoice is overdue by some days, or the invoice status says the account is in trouble.',
    'settings.signals.rule.executive_complaint.help':
      'Fires when a contact whose job title is an executive’s (see Executives below) gives a low answer or opens a ticket.',
    'settings.signals.rule.detractor.help': 'Fires when a contact answers the NPS survey with a low score.',
    'settings.signals.rule.renewal_window.help':
      'Fires when the renewal date comes into the window set under Renewal window below. It has no other threshold.',
    'settings.signals.rule.expansion.help':
      'An opportunity: a healthy company uses nearly all its seats, or its logins are growing.',
    'settings.signals.rule.advocacy.help':
      'An opportunity: a healthy company’s contact is a promoter, someone to ask for a reference or a case study.',
    'settings.signals.rule.large_onboarding.help':
      'An opportunity to start well: a new customer with a large contract, or in a segment where every new customer gets full onboarding.',
    'settings.signals.field.low_health.belowScore': 'Alert below this score',
    'settings.signals.field.low_health.belowScore.help':
      'A health score (0 to 100) under this opens the signal.',
    'settings.signals.field.low_health.tierDropWithinDays': 'Recent drop into At risk (days)',
    'settings.signals.field.low_health.tierDropWithinDays.help':
      'A company that became At risk this many days ago or less opens the signal, whatever its score.',
    'settings.signals.field.usage_drop.minDropShare': 'Drop that counts',
    'settings.signals.field.usage_drop.minDropShare.help':
      'Logins of the last 30 days against the 30 before, or active users against a month ago, down by at least this much.',
    'settings.signals.field.usage_drop.minPreviousLogins': 'Fewest logins the month before',
    'settings.signals.field.usage_drop.minPreviousLogins.help':
      'Below this, the month before is too small to compare with (3 logins falling to 1 is noise).',
    'settings.signals.field.usage_drop.minSeatUtilisation': 'Seats in use, at least',
    'settings.signals.field.usage_drop.minSeatUtilisation.help':
      'A company with fewer of its seats in use than this is not using what it bought.',
    'settings.signals.field.critical_ticket.slaMultiple': 'Overdue at this many times the SLA',
    'settings.signals.field.critical_ticket.slaMultiple.help':
      '1 means as soon as an urgent ticket is open longer than its SLA; 2 means twice as long.',
    'settings.signals.field.critical_ticket.escalated': 'Escalated tickets count too',
    'settings.signals.field.critical_ticket.escalated.help':
      'An open ticket support escalated counts whatever its priority and age.',
    'settings.signals.field.critical_ticket.minOpenTickets': 'Tickets open at once',
    'settings.signals.field.critical_ticket.minOpenTickets.help':
      'How many such tickets make an account risk rather than one support case.',
    'settings.signals.field.late_payment.minDaysPastDue': 'Days past due',
    'settings.signals.field.late_payment.minDaysPastDue.help':
      'An invoice overdue this many days or more opens the signal.',
    'settings.signals.field.late_payment.invoiceStatuses': 'Invoice statuses that count by themselves',
    'settings.signals.field.late_payment.invoiceStatuses.help':
      'Values of the invoice status property (any case), such as collections or suspended.',
    'settings.signals.field.executive_complaint.withinDays': 'Answers and tickets of the last (days)',
    'settings.signals.field.executive_complaint.withinDays.help': 'Older ones no longer count.',
    'settings.signals.field.executive_complaint.maxNps': 'NPS answer at or below',
    'settings.signals.field.executive_complaint.maxNps.help':
      'An executive’s NPS answer this low is a complaint. CSAT “unhappy” and CES 1 to 3 always are.',
    'settings.signals.field.detractor.maxNps': 'NPS answer at or below',
    'settings.signals.field.detractor.maxNps.help': 'NPS detractors answer 0 to 6.',
    'settings.signals.field.detractor.withinDays': 'Answers of the last (days)',
    'settings.signals.field.detractor.withinDays.help': 'Older answers no longer count.',
    'settings.signals.field.expansion.minSeatUtilisation': 'Seats in use, at least',
    'settings.signals.field.expansion.minSeatUtilisation.help':
      'A healthy company this close to full may need more seats.',
    'settings.signals.field.expansion.minLoginGrowth': 'Growth in logins, at least',
    'settings.signals.field.expansion.minLoginGrowth.help':
      'Logins of the last 30 days against the 30 before.',
    'settings.signals.field.expansion.minPreviousLogins': 'Fewest logins the month before',
    'settings.signals.field.expansion.minPreviousLogins.help':
      'Below this, growth is too small a base to count.',
    'settings.signals.field.advocacy.minNps': 'NPS answer at or above',
    'settings.signals.field.advocacy.minNps.help': 'NPS promoters answer 9 or 10.',
    'settings.signals.field.advocacy.withinDays': 'Answers of the last (days)',
    'settings.signals.field.advocacy.withinDays.help': 'Older answers no longer count.',
    'settings.signals.field.large_onboarding.withinDays': 'New customer for (days)',
    'settings.signals.field.large_onboarding.withinDays.help':
      'A company created in HubSpot this many days ago or less is onboarding.',
    'settings.signals.field.large_onboarding.minContractValue': 'Contract value, at least',
    'settings.signals.field.large_onboarding.minContractValue.help':
      'In the account’s currency, as the contract value property (under Renewal window) holds it.',
    'settings.signals.field.large_onboarding.segments': 'Segments where every new customer counts',
    'settings.signals.field.large_onboarding.segments.help': 'Whatever their contract value.',
    'settings.signals.segments.section': 'Thresholds per segment',
    'settings.signals.segments.help':
      'Companies of a segment can be held to their own thresholds; everything not set here uses the account-wide value above.',
    'settings.signals.segments.title': {
      zero: 'Segment {segment}: account-wide thresholds',
      one: 'Segment {segment}: 1 threshold of its own',
      other: 'Segment {segment}: {count} thresholds of its own',
    },
    'settings.signals.segments.none': 'This segment uses the account-wide thresholds for every rule.',
    'settings.signals.segments.portal': 'Account-wide: {value}',
    'settings.signals.segments.usePortal': 'Use the account-wide value',
    'settings.signals.segments.add': 'Set a threshold for this segment',
    'settings.signals.segments.addHelp':
      'Pick one to hold this segment to a different value; it starts at the account-wide one.',
    'settings.signals.executives.section': 'Executives',
    'settings.signals.executives.titles': 'Job titles of executives',
    'settings.signals.executives.titlesHelp':
      'Words or phrases (any case, whole words) that mark a contact’s job title as an executive’s, such as CEO or head of.',
    'settings.signals.executives.ticketProperty': 'Ticket property that marks an executive',
    'settings.signals.executives.ticketPropertyHelp':
      'Optional: the internal name of a ticket property that reads true when the ticket comes from or concerns an executive.',
    'settings.signals.due.section': 'Days to act',
    'settings.signals.due.help':
      'How long the owner has to start an action on a new signal. A risk with no action by then escalates to the CS lead.',
    'settings.signals.due.days': 'Severity {severity}: days to act',
    'settings.signals.renewal.section': 'Renewal window and properties',
    'settings.signals.renewal.help':
      'The renewal window signal fires when the renewal date is between these many days ahead, so the renewal playbook starts in time.',
    'settings.signals.renewal.fromDays': 'From (days before renewal)',
    'settings.signals.renewal.toDays': 'To (days before renewal)',
    'settings.signals.properties.none': 'None',
    'settings.signals.properties.renewalDate': 'Renewal date property',
    'settings.signals.properties.renewalDate.help': 'The company property that holds the next renewal date.',
    'settings.signals.properties.contractValue': 'Contract value property',
    'settings.signals.properties.contractValue.help':
      'The company property that holds the contract value (for large onboardings).',
    'settings.signals.routing.section': 'Who gets what',
    'settings.signals.routing.ownerFallbackId': 'Fallback owner',
    'settings.signals.routing.ownerFallbackId.help':
      'Owns the signals and tasks of companies without a HubSpot owner. Enter their HubSpot owner id (digits; in HubSpot, the owner’s id shows in a filtered list’s address, or ask your admin).',
    'settings.signals.routing.escalationOwnerId': 'CS lead (escalations)',
    'settings.signals.routing.escalationOwnerId.help':
      'Gets a task when a risk escalates. Enter their HubSpot owner id (digits). Empty: the signal’s own owner gets it.',
    'settings.signals.routing.nobody': 'Nobody yet',
    'settings.signals.routing.taskLanguage': 'Language of the tasks',
    'settings.signals.routing.taskLanguage.help':
      'The language of the tasks Harbor writes into HubSpot for your team, and of the default playbooks.',
    'settings.signals.ownerIdHelp': 'Their HubSpot owner id: digits only.',

    'settings.automations.help':
      'What Harbor does by itself when a signal opens. Each automation acts once per company each time its signal opens; the thresholds are the signal’s own, on the Signals tab.',
    'settings.automations.trigger.low_health':
      'When the health score is low or the company dropped into At risk.',
    'settings.automations.trigger.renewal_window': 'When the renewal comes into the renewal window.',
    'settings.automations.trigger.detractor': 'When a contact answers NPS as a detractor.',
    'settings.automations.trigger.large_onboarding': 'When a large new customer starts.',
    'settings.automations.trigger.expansion': 'When a healthy company could buy more.',
    'settings.automations.trigger.usage_drop': 'When usage drops.',
    'settings.automations.trigger.critical_ticket': 'When urgent tickets pass their SLA or are escalated.',
    'settings.automations.trigger.late_payment': 'When a payment is late.',
    'settings.automations.enabled': 'Act automatically',
    'settings.automations.actionLabel': 'What Harbor does',
    'settings.automations.action.open_signal': 'Only open the signal (the owner chooses the action)',
    'settings.automations.action.create_task': 'Create one task for the owner',
    'settings.automations.action.playbook': 'Start: {playbook}',
    'settings.automations.review.title': 'Weekly review',
    'settings.automations.review.help':
      'Once a week, each owner gets one HubSpot task listing their at-risk and expansion accounts, plans not updated in 7 days and escalated signals.',
    'settings.automations.review.enabled': 'Send the weekly review',
    'settings.automations.review.weekday': 'Day',
    'settings.automations.review.hour': 'Hour (0 to 23)',
    'settings.automations.review.hourHelp': 'In the account’s time zone ({timeZone}).',
    'settings.automations.weekday.monday': 'Monday',
    'settings.automations.weekday.tuesday': 'Tuesday',
    'settings.automations.weekday.wednesday': 'Wednesday',
    'settings.automations.weekday.thursday': 'Thursday',
    'settings.automations.weekday.friday': 'Friday',
    'settings.automations.weekday.saturday': 'Saturday',
    'settings.automations.weekday.sunday': 'Sunday',

    'settings.playbooks.help':
      'A playbook is a series of HubSpot tasks for one company; each step’s task is created when the one before it is done. Pick a playbook and, if you like, a segment to give it steps of its own.',
    'settings.playbooks.errorsTitle': 'Playbooks with fields to fix',
    'settings.playbooks.type': 'Playbook',
    'settings.playbooks.segmentLabel': 'For',
    'settings.playbooks.segmentHelp': 'Every segment, or one segment only.',
    'settings.playbooks.allSegments': 'All segments',
    'settings.playbooks.segment': 'segment {segment}',
    'settings.playbooks.source.segment': 'Segment {segment} has its own version of this playbook.',
    'settings.playbooks.source.portal': 'This is your account’s own version of this playbook.',
    'settings.playbooks.source.default':
      'This is Harbor’s default playbook, in the task language saved on the Signals tab ({language}).',
    'settings.playbooks.copyHint.portal':
      'Your first change here makes your account’s own copy, used by every segment without a version of its own.',
    'settings.playbooks.copyHint.segment':
      'Your first change here makes a copy for segment {segment} only; the other segments keep what they use now.',
    'settings.playbooks.enabled': 'This playbook can be started',
    'settings.playbooks.offHelp': 'Off: nobody can start it here, not a person, a signal or an automation.',
    'settings.playbooks.step.title': 'Step {number}',
    'settings.playbooks.step.taskTitle': 'Task title',
    'settings.playbooks.step.body': 'What to do',
    'settings.playbooks.step.bodyHelp': 'Harbor adds why the playbook started and a link to the company.',
    'settings.playbooks.step.dueInDays': 'Due after (days)',
    'settings.playbooks.step.dueInDaysHelp':
      'Counted from when the task is created (when the step before is done).',
    'settings.playbooks.step.priority': 'Priority',
    'settings.playbooks.step.taskType': 'Task type',
    'settings.playbooks.step.owner': 'Assigned to',
    'settings.playbooks.step.ownerHelp':
      'The company owner (or the fallback owner on the Signals tab), the CS lead, or one person.',
    'settings.playbooks.step.ownerId': 'Owner id',
    'settings.playbooks.step.up': 'Move up',
    'settings.playbooks.step.down': 'Move down',
    'settings.playbooks.step.remove': 'Remove step',
    'settings.playbooks.step.new': 'New step',
    'settings.playbooks.priority.HIGH': 'High',
    'settings.playbooks.priority.MEDIUM': 'Medium',
    'settings.playbooks.priority.LOW': 'Low',
    'settings.playbooks.taskType.TODO': 'To-do',
    'settings.playbooks.taskType.CALL': 'Call',
    'settings.playbooks.taskType.EMAIL': 'Email',
    'settings.playbooks.owner.company_owner': 'The company owner',
    'settings.playbooks.owner.cs_lead': 'The CS lead',
    'settings.playbooks.owner.owner': 'A named owner',
    'settings.playbooks.addStep': 'Add a step',
    'settings.playbooks.resetPortal': 'Go back to Harbor’s default',
    'settings.playbooks.resetSegment': 'Use the all-segments version',
    'settings.playbooks.cap': 'Most open Harbor tasks per owner per day',
    'settings.playbooks.capHelp':
      'A step over this waits for the next day, so nobody’s task list floods. Counted in the account’s time zone.',
  },
  'pt-BR': {
    'settings.tab.signals': 'Sinais',
    'settings.tab.automations': 'Automações',
    'settings.tab.playbooks': 'Playbooks',
    'settings.actions.save.button': 'Salvar sinais, automações e playbooks',
    'settings.actions.save.failedTitle': 'Não foi possível salvar as configurações',
    'settings.actions.save.doneBody':
      'O Harbor passa a usá-las na próxima verificação de sinais. Playbooks já em andamento mantêm as etapas com que começaram.',
    'settings.actions.save.unsaved':
      'Há alterações não salvas nas abas Sinais, Automações ou Playbooks. O modelo de saúde é salvo à parte, acima das abas.',
    'settings.actions.error.dueOrder':
      'Um sinal mais grave precisa de tantos dias ou menos: Crítica ≤ Alta ≤ Média ≤ Baixa.',
    'settings.actions.error.windowOrder': '“De” precisa ser igual ou menor que “Até”, em dias.',
    'settings.actions.error.ownerId': 'Informe um ID de proprietário da HubSpot: só dígitos.',
    'settings.actions.error.noSteps': 'Um playbook precisa de pelo menos uma etapa.',
    'settings.actions.error.stepTitle': 'Dê um título à tarefa.',
    'settings.actions.error.emptyText': 'Remova o item vazio.',
    'settings.actions.error.tooLong': 'Use no máximo {max} caracteres.',
    'settings.actions.list.empty': 'Nenhum ainda.',
    'settings.actions.list.add': 'Adicionar a “{label}”',
    'settings.actions.list.remove': 'Remover',
    'settings.actions.toggle.on': 'Ligado',
    'settings.actions.toggle.off': 'Desligado',

    'settings.signals.help':
      'Sinais são riscos e oportunidades que o Harbor encontra nos dados de uma empresa. Cada um recebe um responsável, um prazo e uma ação definida; um risco sem ação depois do prazo vai para o líder de CS.',
    'settings.signals.rules': 'Regras',
    'settings.signals.ruleTitle': '{rule} — {state}',
    'settings.signals.on': 'ligada',
    'settings.signals.off': 'desligada',
    'settings.signals.enabled': 'O Harbor observa isto',
    'settings.signals.percent': '{label} (%)',
    'settings.signals.rule.low_health.help':
      'Dispara quando a pontuação de saúde fica abaixo de um limite ou a empresa acabou de cair para Em risco.',
    'settings.signals.rule.usage_drop.help':
      'Dispara quando os logins ou os usuários ativos caem muito em relação ao mês anterior, ou quando poucas das licenças compradas estão em uso.',
    'settings.signals.rule.critical_ticket.help':
      'Dispara quando tickets urgentes ficam abertos bem além do SLA (as horas definidas na aba Indicadores) ou foram escalados pelo suporte.',
    'settings.signals.rule.late_payment.help':
      'Dispara quando uma fatura está vencida há alguns dias ou quando o status da fatura indica problema na conta.',
    'settings.signals.rule.executive_complaint.help':
      'Dispara quando um contato com cargo de executivo (veja Executivos abaixo) dá uma resposta baixa ou abre um ticket.',
    'settings.signals.rule.detractor.help':
      'Dispara quando um contato responde à pesquisa NPS com nota baixa.',
    'settings.signals.rule.renewal_window.help':
      'Dispara quando a data de renovação entra na janela definida em Janela de renovação abaixo. Não tem outro limite.',
    'settings.signals.rule.expansion.help':
      'Uma oportunidade: uma empresa saudável usa quase todas as licenças ou seus logins estão crescendo.',
    'settings.signals.rule.advocacy.help':
      'Uma oportunidade: um contato de uma empresa saudável é promotor, alguém a quem pedir uma referência ou um caso de sucesso.',
    'settings.signals.rule.large_onboarding.help':
      'Uma oportunidade de começar bem: um cliente novo com contrato grande, ou de um segmento em que todo cliente novo recebe onboarding completo.',
    'settings.signals.field.low_health.belowScore': 'Alertar abaixo desta pontuação',
    'settings.signals.field.low_health.belowScore.help':
      'Uma pontuação de saúde (0 a 100) abaixo disto abre o sinal.',
    'settings.signals.field.low_health.tierDropWithinDays': 'Queda recente para Em risco (dias)',
    'settings.signals.field.low_health.tierDropWithinDays.help':
      'Uma empresa que virou Em risco há este número de dias ou menos abre o sinal, qualquer que seja a pontuação.',
    'settings.signals.field.usage_drop.minDropShare': 'Queda que conta',
    'settings.signals.field.usage_drop.minDropShare.help':
      'Logins dos últimos 30 dias contra os 30 anteriores, ou usuários ativos contra um mês atrás, caindo pelo menos isto.',
    'settings.signals.field.usage_drop.minPreviousLogins': 'Mínimo de logins no mês anterior',
    'settings.signals.field.usage_drop.minPreviousLogins.help':
      'Abaixo disto, o mês anterior é pequeno demais para comparar (3 logins caindo para 1 é ruído).',
    'settings.signals.field.usage_drop.minSeatUtilisation': 'Licenças em uso, no mínimo',
    'settings.signals.field.usage_drop.minSeatUtilisation.help':
      'Uma empresa com menos licenças em uso do que isto não está usando o que comprou.',
    'settings.signals.field.critical_ticket.slaMultiple': 'Atrasado a partir de quantas vezes o SLA',
    'settings.signals.field.critical_ticket.slaMultiple.help':
      '1 significa assim que um ticket urgente passa do SLA; 2 significa o dobro do tempo.',
    'settings.signals.field.critical_ticket.escalated': 'Tickets escalados também contam',
    'settings.signals.field.critical_ticket.escalated.help':
      'Um ticket aberto escalado pelo suporte conta, qualquer que seja a prioridade e a idade.',
    'settings.signals.field.critical_ticket.minOpenTickets': 'Tickets abertos ao mesmo tempo',
    'settings.signals.field.critical_ticket.minOpenTickets.help':
      'Quantos desses tickets tornam a conta um risco, e não apenas um caso de suporte.',
    'settings.signals.field.late_payment.minDaysPastDue': 'Dias de atraso',
    'settings.signals.field.late_payment.minDaysPastDue.help':
      'Uma fatura vencida há este número de dias ou mais abre o sinal.',
    'settings.signals.field.late_payment.invoiceStatuses': 'Status de fatura que contam sozinhos',
    'settings.signals.field.late_payment.invoiceStatuses.help':
      'Valores da propriedade de status da fatura (maiúsculas ou minúsculas), como collections ou suspended.',
    'settings.signals.field.executive_complaint.withinDays': 'Respostas e tickets dos últimos (dias)',
    'settings.signals.field.executive_complaint.withinDays.help': 'Os mais antigos deixam de contar.',
    'settings.signals.field.executive_complaint.maxNps': 'Resposta de NPS até',
    'settings.signals.field.executive_complaint.maxNps.help':
      'Uma resposta de NPS de executivo tão baixa assim é uma reclamação. CSAT “insatisfeito” e CES de 1 a 3 sempre são.',
    'settings.signals.field.detractor.maxNps': 'Resposta de NPS até',
    'settings.signals.field.detractor.maxNps.help': 'Detratores do NPS respondem de 0 a 6.',
    'settings.signals.field.detractor.withinDays': 'Respostas dos últimos (dias)',
    'settings.signals.field.detractor.withinDays.help': 'Respostas mais antigas deixam de contar.',
    'settings.signals.field.expansion.minSeatUtilisation': 'Licenças em uso, no mínimo',
    'settings.signals.field.expansion.minSeatUtilisation.help':
      'Uma empresa saudável tão perto do limite pode precisar de mais licenças.',
    'settings.signals.field.expansion.minLoginGrowth': 'Crescimento dos logins, no mínimo',
    'settings.signals.field.expansion.minLoginGrowth.help':
      'Logins dos últimos 30 dias contra os 30 anteriores.',
    'settings.signals.field.expansion.minPreviousLogins': 'Mínimo de logins no mês anterior',
    'settings.signals.field.expansion.minPreviousLogins.help':
      'Abaixo disto, a base é pequena demais para o crescimento contar.',
    'settings.signals.field.advocacy.minNps': 'Resposta de NPS a partir de',
    'settings.signals.field.advocacy.minNps.help': 'Promotores do NPS respondem 9 ou 10.',
    'settings.signals.field.advocacy.withinDays': 'Respostas dos últimos (dias)',
    'settings.signals.field.advocacy.withinDays.help': 'Respostas mais antigas deixam de contar.',
    'settings.signals.field.large_onboarding.withinDays': 'Cliente novo por (dias)',
    'settings.signals.field.large_onboarding.withinDays.help':
      'Uma empresa criada na HubSpot há este número de dias ou menos está em onboarding.',
    'settings.signals.field.large_onboarding.minContractValue': 'Valor do contrato, no mínimo',
    'settings.signals.field.large_onboarding.minContractValue.help':
      'Na moeda da conta, como a propriedade de valor do contrato (em Janela de renovação) o guarda.',
    'settings.signals.field.large_onboarding.segments': 'Segmentos em que todo cliente novo conta',
    'settings.signals.field.large_onboarding.segments.help': 'Qualquer que seja o valor do contrato.',
    'settings.signals.segments.section': 'Limites por segmento',
    'settings.signals.segments.help':
      'As empresas de um segmento podem ter limites próprios; o que não for definido aqui usa o valor da conta, acima.',
    'settings.signals.segments.title': {
      zero: 'Segmento {segment}: limites da conta',
      one: 'Segmento {segment}: 1 limite próprio',
      other: 'Segmento {segment}: {count} limites próprios',
    },
    'settings.signals.segments.none': 'Este segmento usa os limites da conta em todas as regras.',
    'settings.signals.segments.portal': 'Na conta: {value}',
    'settings.signals.segments.usePortal': 'Usar o valor da conta',
    'settings.signals.segments.add': 'Definir um limite para este segmento',
    'settings.signals.segments.addHelp':
      'Escolha um para dar a este segmento um valor diferente; ele começa com o valor da conta.',
    'settings.signals.executives.section': 'Executivos',
    'settings.signals.executives.titles': 'Cargos de executivos',
    'settings.signals.executives.titlesHelp':
      'Palavras ou expressões (maiúsculas ou minúsculas, palavras inteiras) que indicam que o cargo de um contato é de executivo, como CEO ou diretor.',
    'settings.signals.executives.ticketProperty': 'Propriedade de ticket que indica um executivo',
    'settings.signals.executives.ticketPropertyHelp':
      'Opcional: o nome interno de uma propriedade de ticket que fica verdadeira quando o ticket vem de um executivo ou trata dele.',
    'settings.signals.due.section': 'Prazo para agir',
    'settings.signals.due.help':
      'Quanto tempo o responsável tem para iniciar uma ação em um sinal novo. Um risco sem ação até lá é escalado ao líder de CS.',
    'settings.signals.due.days': 'Severidade {severity}: dias para agir',
    'settings.signals.renewal.section': 'Janela de renovação e propriedades',
    'settings.signals.renewal.help':
      'O sinal de janela de renovação dispara quando faltam entre estes dias para a renovação, para que o playbook de renovação comece a tempo.',
    'settings.signals.renewal.fromDays': 'De (dias antes da renovação)',
    'settings.signals.renewal.toDays': 'Até (dias antes da renovação)',
    'settings.signals.properties.none': 'Nenhuma',
    'settings.signals.properties.renewalDate': 'Propriedade da data de renovação',
    'settings.signals.properties.renewalDate.help':
      'A propriedade da empresa que guarda a próxima data de renovação.',
    'settings.signals.properties.contractValue': 'Propriedade do valor do contrato',
    'settings.signals.properties.contractValue.help':
      'A propriedade da empresa que guarda o valor do contrato (para onboardings de grande porte).',
    'settings.signals.routing.section': 'Quem recebe o quê',
    'settings.signals.routing.ownerFallbackId': 'Responsável substituto',
    'settings.signals.routing.ownerFallbackId.help':
      'Fica com os sinais e as tarefas de empresas sem proprietário na HubSpot. Informe o ID de proprietário dele na HubSpot (dígitos; aparece no endereço de uma lista filtrada por proprietário, ou peça ao seu admin).',
    'settings.signals.routing.escalationOwnerId': 'Líder de CS (escalonamentos)',
    'settings.signals.routing.escalationOwnerId.help':
      'Recebe uma tarefa quando um risco é escalado. Informe o ID de proprietário na HubSpot (dígitos). Vazio: o próprio responsável do sinal recebe.',
    'settings.signals.routing.nobody': 'Ninguém ainda',
    'settings.signals.routing.taskLanguage': 'Idioma das tarefas',
    'settings.signals.routing.taskLanguage.help':
      'O idioma das tarefas que o Harbor cria na HubSpot para sua equipe e dos playbooks padrão.',
    'settings.signals.ownerIdHelp': 'O ID de proprietário na HubSpot: só dígitos.',

    'settings.automations.help':
      'O que o Harbor faz sozinho quando um sinal é aberto. Cada automação age uma vez por empresa a cada abertura do seu sinal; os limites são os do próprio sinal, na aba Sinais.',
    'settings.automations.trigger.low_health':
      'Quando a pontuação de saúde está baixa ou a empresa caiu para Em risco.',
    'settings.automations.trigger.renewal_window': 'Quando a renovação entra na janela de renovação.',
    'settings.automations.trigger.detractor': 'Quando um contato responde ao NPS como detrator.',
    'settings.automations.trigger.large_onboarding': 'Quando começa um cliente novo de grande porte.',
    'settings.automations.trigger.expansion': 'Quando uma empresa saudável poderia comprar mais.',
    'settings.automations.trigger.usage_drop': 'Quando o uso cai.',
    'settings.automations.trigger.critical_ticket': 'Quando tickets urgentes passam do SLA ou são escalados.',
    'settings.automations.trigger.late_payment': 'Quando um pagamento atrasa.',
    'settings.automations.enabled': 'Agir automaticamente',
    'settings.automations.actionLabel': 'O que o Harbor faz',
    'settings.automations.action.open_signal': 'Só abrir o sinal (o responsável escolhe a ação)',
    'settings.automations.action.create_task': 'Criar uma tarefa para o responsável',
    'settings.automations.action.playbook': 'Iniciar: {playbook}',
    'settings.automations.review.title': 'Revisão semanal',
    'settings.automations.review.help':
      'Uma vez por semana, cada responsável recebe uma tarefa na HubSpot com suas contas em risco e de expansão, planos sem atualização há 7 dias e sinais escalados.',
    'settings.automations.review.enabled': 'Enviar a revisão semanal',
    'settings.automations.review.weekday': 'Dia',
    'settings.automations.review.hour': 'Hora (0 a 23)',
    'settings.automations.review.hourHelp': 'No fuso horário da conta ({timeZone}).',
    'settings.automations.weekday.monday': 'Segunda-feira',
    'settings.automations.weekday.tuesday': 'Terça-feira',
    'settings.automations.weekday.wednesday': 'Quarta-feira',
    'settings.automations.weekday.thursday': 'Quinta-feira',
    'settings.automations.weekday.friday': 'Sexta-feira',
    'settings.automations.weekday.saturday': 'Sábado',
    'settings.automations.weekday.sunday': 'Domingo',

    'settings.playbooks.help':
      'Um playbook é uma série de tarefas da HubSpot para uma empresa; a tarefa de cada etapa é criada quando a anterior é concluída. Escolha um playbook e, se quiser, um segmento para lhe dar etapas próprias.',
    'settings.playbooks.errorsTitle': 'Playbooks com campos a corrigir',
    'settings.playbooks.type': 'Playbook',
    'settings.playbooks.segmentLabel': 'Para',
    'settings.playbooks.segmentHelp': 'Todos os segmentos ou só um.',
    'settings.playbooks.allSegments': 'Todos os segmentos',
    'settings.playbooks.segment': 'segmento {segment}',
    'settings.playbooks.source.segment': 'O segmento {segment} tem sua própria versão deste playbook.',
    'settings.playbooks.source.portal': 'Esta é a versão própria da sua conta para este playbook.',
    'settings.playbooks.source.default':
      'Este é o playbook padrão do Harbor, no idioma das tarefas salvo na aba Sinais ({language}).',
    'settings.playbooks.copyHint.portal':
      'Sua primeira alteração aqui cria a cópia própria da sua conta, usada por todo segmento sem versão própria.',
    'settings.playbooks.copyHint.segment':
      'Sua primeira alteração aqui cria uma cópia só para o segmento {segment}; os outros segmentos continuam com o que usam hoje.',
    'settings.playbooks.enabled': 'Este playbook pode ser iniciado',
    'settings.playbooks.offHelp':
      'Desligado: ninguém pode iniciá-lo aqui, nem uma pessoa, nem um sinal, nem uma automação.',
    'settings.playbooks.step.title': 'Etapa {number}',
    'settings.playbooks.step.taskTitle': 'Título da tarefa',
    'settings.playbooks.step.body': 'O que fazer',
    'settings.playbooks.step.bodyHelp':
      'O Harbor acrescenta por que o playbook começou e um link para a empresa.',
    'settings.playbooks.step.dueInDays': 'Prazo (dias)',
    'settings.playbooks.step.dueInDaysHelp':
      'Contado a partir da criação da tarefa (quando a etapa anterior é concluída).',
    'settings.playbooks.step.priority': 'Prioridade',
    'settings.playbooks.step.taskType': 'Tipo de tarefa',
    'settings.playbooks.step.owner': 'Atribuída a',
    'settings.playbooks.step.ownerHelp':
      'O proprietário da empresa (ou o responsável substituto da aba Sinais), o líder de CS ou uma pessoa.',
    'settings.playbooks.step.ownerId': 'ID do proprietário',
    'settings.playbooks.step.up': 'Subir',
    'settings.playbooks.step.down': 'Descer',
    'settings.playbooks.step.remove': 'Remover etapa',
    'settings.playbooks.step.new': 'Nova etapa',
    'settings.playbooks.priority.HIGH': 'Alta',
    'settings.playbooks.priority.MEDIUM': 'Média',
    'settings.playbooks.priority.LOW': 'Baixa',
    'settings.playbooks.taskType.TODO': 'A fazer',
    'settings.playbooks.taskType.CALL': 'Ligação',
    'settings.playbooks.taskType.EMAIL': 'E-mail',
    'settings.playbooks.owner.company_owner': 'O proprietário da empresa',
    'settings.playbooks.owner.cs_lead': 'O líder de CS',
    'settings.playbooks.owner.owner': 'Um proprietário específico',
    'settings.playbooks.addStep': 'Adicionar etapa',
    'settings.playbooks.resetPortal': 'Voltar ao padrão do Harbor',
    'settings.playbooks.resetSegment': 'Usar a versão de todos os segmentos',
    'settings.playbooks.cap': 'Máximo de tarefas abertas do Harbor por responsável por dia',
    'settings.playbooks.capHelp':
      'Uma etapa acima disso espera o dia seguinte, para que a lista de tarefas de ninguém transborde. Contado no fuso horário da conta.',
  },
});
