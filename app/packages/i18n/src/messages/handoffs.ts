import { defineMessages } from '../define-messages.ts';

/**
 * Hand-offs on the company card: what Harbor passed to support, finance, marketing or automation, with the
 * outcome, and the two requests a person makes (the renewal to finance, an automation). Keys start with
 * `handoff.`.
 */
export const handoffMessages = defineMessages({
  en: {
    'handoff.section.title': 'Hand-offs',
    'handoff.section.intro':
      'Work Harbor passed to the team whose job it is, as a HubSpot task: critical tickets on at-risk accounts go to support, healthy promoters to marketing as reference candidates, and the requests below to finance or automation. Harbor never answers tickets or changes prices itself.',
    'handoff.section.empty': 'Nothing has been handed off for this company yet.',
    'handoff.kind.support': 'Support',
    'handoff.kind.finance': 'Finance',
    'handoff.kind.marketing': 'Marketing',
    'handoff.kind.automation': 'Automation',
    'handoff.what.support': 'Critical ticket on an at-risk account',
    'handoff.what.finance': 'Renewal that needs a price change',
    'handoff.what.marketing': 'Reference candidate (promoter in the Healthy tier)',
    'handoff.what.automation': 'Automation request',
    'handoff.outcome.created': 'Task created',
    'handoff.outcome.not_routed': 'Not routed',
    'handoff.outcome.failed': 'Failed',
    'handoff.outcome.pending': 'In progress',
    'handoff.routedTo.owner': 'To {name}',
    'handoff.routedTo.team': 'To {name} (team {team}, fewest open Harbor tasks today)',
    'handoff.routedTo.queue': 'To task queue {queue}',
    'handoff.routedTo.none': 'No one: nothing was created',
    'handoff.date': 'Handed off on {date}',
    'handoff.note': 'Note: {note}',
    'handoff.taskLink': 'Open the task in HubSpot',
    'handoff.detail': 'Why: {detail}',
    'handoff.notRoutedHint':
      'An admin sets who receives each kind of hand-off in Harbor’s settings (Reports → Hand-off routing). Until then Harbor logs it here and creates no task.',
    'handoff.finance.title': 'Hand the renewal to finance',
    'handoff.finance.intro':
      'When the renewal needs a price change, finance decides it. Harbor creates a task for finance linked to the company and the deal; it never changes the amount itself.',
    'handoff.finance.deal': 'Renewal deal',
    'handoff.finance.dealPlaceholder': 'Pick the open deal',
    'handoff.finance.renewalTag': '{name} (renewal)',
    'handoff.finance.noDeals':
      'This company has no open deal Harbor knows of. Create the renewal deal in HubSpot first; it shows here after the next sync.',
    'handoff.finance.note': 'What price change, and why',
    'handoff.finance.submit': 'Hand to finance',
    'handoff.automation.title': 'Request an automation',
    'handoff.automation.intro':
      'For something Harbor’s playbooks and workflows do not do: describe what should happen, and Harbor creates a task for the automation team.',
    'handoff.automation.note': 'What should happen',
    'handoff.automation.submit': 'Send the request',
    'handoff.form.noteHint': 'At least 3 characters, at most 2,000.',
    'handoff.form.unrouted':
      'No {kind} destination is set up yet: the request is logged, but no task is created.',
    'handoff.done.created': 'Handed off to {kind}: a task was created in HubSpot.',
    'handoff.done.not_routed': 'Logged, but not routed: no {kind} destination is set up.',
    'handoff.done.failed': 'Logged, but HubSpot did not take the task; Harbor will say why in the list.',
    'handoff.done.pending': 'The task is being created; reload the card in a moment.',
  },
  'pt-BR': {
    'handoff.section.title': 'Encaminhamentos',
    'handoff.section.intro':
      'Trabalho que o Harbor passou para a equipe responsável, como tarefa no HubSpot: tickets críticos de contas em risco vão para o suporte, promotores saudáveis para o marketing como candidatos a referência, e os pedidos abaixo para o financeiro ou para automação. O Harbor nunca responde tickets nem altera preços.',
    'handoff.section.empty': 'Nada foi encaminhado para esta empresa ainda.',
    'handoff.kind.support': 'Suporte',
    'handoff.kind.finance': 'Financeiro',
    'handoff.kind.marketing': 'Marketing',
    'handoff.kind.automation': 'Automação',
    'handoff.what.support': 'Ticket crítico de uma conta em risco',
    'handoff.what.finance': 'Renovação que precisa de mudança de preço',
    'handoff.what.marketing': 'Candidata a referência (promotora no nível Saudável)',
    'handoff.what.automation': 'Pedido de automação',
    'handoff.outcome.created': 'Tarefa criada',
    'handoff.outcome.not_routed': 'Sem destino',
    'handoff.outcome.failed': 'Falhou',
    'handoff.outcome.pending': 'Em andamento',
    'handoff.routedTo.owner': 'Para {name}',
    'handoff.routedTo.team': 'Para {name} (equipe {team}, menos tarefas do Harbor abertas hoje)',
    'handoff.routedTo.queue': 'Para a fila de tarefas {queue}',
    'handoff.routedTo.none': 'Ninguém: nada foi criado',
    'handoff.date': 'Encaminhado em {date}',
    'handoff.note': 'Nota: {note}',
    'handoff.taskLink': 'Abrir a tarefa no HubSpot',
    'handoff.detail': 'Motivo: {detail}',
    'handoff.notRoutedHint':
      'Um administrador define quem recebe cada tipo de encaminhamento nas configurações do Harbor (Relatórios → Destino dos encaminhamentos). Até lá o Harbor registra aqui e não cria tarefa.',
    'handoff.finance.title': 'Encaminhar a renovação ao financeiro',
    'handoff.finance.intro':
      'Quando a renovação precisa de mudança de preço, quem decide é o financeiro. O Harbor cria uma tarefa para o financeiro ligada à empresa e ao negócio; ele nunca altera o valor.',
    'handoff.finance.deal': 'Negócio de renovação',
    'handoff.finance.dealPlaceholder': 'Escolha o negócio aberto',
    'handoff.finance.renewalTag': '{name} (renovação)',
    'handoff.finance.noDeals':
      'Esta empresa não tem negócio aberto que o Harbor conheça. Crie o negócio de renovação no HubSpot; ele aparece aqui após a próxima sincronização.',
    'handoff.finance.note': 'Qual mudança de preço, e por quê',
    'handoff.finance.submit': 'Encaminhar ao financeiro',
    'handoff.automation.title': 'Pedir uma automação',
    'handoff.automation.intro':
      'Para algo que os playbooks e workflows do Harbor não fazem: descreva o que deve acontecer, e o Harbor cria uma tarefa para a equipe de automação.',
    'handoff.automation.note': 'O que deve acontecer',
    'handoff.automation.submit': 'Enviar o pedido',
    'handoff.form.noteHint': 'De 3 a 2.000 caracteres.',
    'handoff.form.unrouted':
      'Nenhum destino de {kind} está configurado: o pedido é registrado, mas nenhuma tarefa é criada.',
    'handoff.done.created': 'Encaminhado para {kind}: uma tarefa foi criada no HubSpot.',
    'handoff.done.not_routed': 'Registrado, mas sem destino: nenhum destino de {kind} está configurado.',
    'handoff.done.failed':
      'Registrado, mas o HubSpot não aceitou a tarefa; o Harbor mostra o motivo na lista.',
    'handoff.done.pending': 'A tarefa está sendo criada; recarregue o cartão em instantes.',
  },
});
