import { defineMessages } from '../../define-messages.ts';

/** The Properties tab: which HubSpot properties hold the facts, and what Harbor syncs. Keys start with `settings.`. */
export const settingsPropertiesMessages = defineMessages({
  en: {
    'settings.properties.unavailableTitle': 'HubSpot’s property list is not available right now',
    'settings.properties.unavailableBody':
      'You can only pick among the properties Harbor already reads. Reload the page in a few minutes to see all company properties.',
    'settings.mapping.help': 'Which HubSpot company properties hold the facts Harbor’s indicators read.',
    'settings.mapping.none': 'Not mapped',
    'settings.synced.title': 'Properties Harbor syncs',
    'settings.synced.help': 'Besides its own, Harbor reads these properties from HubSpot, per object type.',
    'settings.fact.seats': 'Licensed seats',
    'settings.fact.activeUsers': 'Active users',
    'settings.fact.logins': 'Logins this period',
    'settings.fact.loginsPrevious': 'Logins previous period',
    'settings.fact.featuresUsed': 'Features used',
    'settings.fact.lastActivity': 'Last product activity',
    'settings.fact.daysPastDue': 'Days past due',
    'settings.fact.invoiceStatus': 'Invoice status',
    'settings.fact.lastCsmTouch': 'Last CSM touch',
    'settings.fact.lastMeeting': 'Last meeting',
    'settings.fact.lastReply': 'Last reply',
    'settings.fact.escalation': 'Ticket escalated',
    'settings.objectType.companies': 'Companies',
    'settings.objectType.deals': 'Deals',
    'settings.objectType.tickets': 'Tickets',
    'settings.objectType.contacts': 'Contacts',
    'settings.objectType.feedback_submissions': 'Feedback surveys',
    'settings.fact.escalationHelp':
      'The internal name of a ticket property that is true when support escalated the ticket (for example escalated). Leave it empty if your team does not mark escalations.',
  },
  'pt-BR': {
    'settings.properties.unavailableTitle': 'A lista de propriedades da HubSpot não está disponível agora',
    'settings.properties.unavailableBody':
      'Por enquanto, você só pode escolher entre as propriedades que o Harbor já lê. Recarregue a página em alguns minutos para ver todas as propriedades de empresa.',
    'settings.mapping.help':
      'Quais propriedades de empresa da HubSpot guardam os dados que os indicadores do Harbor leem.',
    'settings.mapping.none': 'Não mapeado',
    'settings.synced.title': 'Propriedades que o Harbor sincroniza',
    'settings.synced.help': 'Além das suas, o Harbor lê estas propriedades da HubSpot, por tipo de objeto.',
    'settings.fact.seats': 'Licenças contratadas',
    'settings.fact.activeUsers': 'Usuários ativos',
    'settings.fact.logins': 'Logins no período',
    'settings.fact.loginsPrevious': 'Logins no período anterior',
    'settings.fact.featuresUsed': 'Funcionalidades usadas',
    'settings.fact.lastActivity': 'Última atividade no produto',
    'settings.fact.daysPastDue': 'Dias em atraso',
    'settings.fact.invoiceStatus': 'Situação da fatura',
    'settings.fact.lastCsmTouch': 'Último contato do CSM',
    'settings.fact.lastMeeting': 'Última reunião',
    'settings.fact.lastReply': 'Última resposta',
    'settings.fact.escalation': 'Ticket escalado',
    'settings.objectType.companies': 'Empresas',
    'settings.objectType.deals': 'Negócios',
    'settings.objectType.tickets': 'Tickets',
    'settings.objectType.contacts': 'Contatos',
    'settings.objectType.feedback_submissions': 'Pesquisas de feedback',
    'settings.fact.escalationHelp':
      'O nome interno de uma propriedade de ticket que fica verdadeira quando o suporte escalou o ticket (por exemplo escalated). Deixe em branco se a sua equipe não marca escalonamentos.',
  },
});
