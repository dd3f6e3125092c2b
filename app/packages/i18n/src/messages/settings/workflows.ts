import { defineMessages } from '../../define-messages.ts';

/** The Workflows tab: Harbor's ready-made HubSpot workflows and their state. Keys start with `settings.`. */
export const settingsWorkflowsMessages = defineMessages({
  en: {
    'settings.tab.workflows': 'Workflows',
    'settings.workflows.help':
      'Ready-made HubSpot workflows built on Harbor’s properties and actions. `harbor workflows install` creates them turned off; review each one in HubSpot’s workflow editor and turn it on there.',
    'settings.workflows.name': 'Workflow',
    'settings.workflows.what': 'What it does',
    'settings.workflows.state': 'State',
    'settings.workflows.state.missing': 'Not installed',
    'settings.workflows.state.installed': 'Installed, off',
    'settings.workflows.state.enabled': 'On',
    'settings.workflows.state.drifted': 'Changed in HubSpot',
    'settings.workflows.state.unknown': 'Unknown',
    'settings.workflows.drifted': 'Differs from Harbor’s version at: {fields}',
    'settings.workflows.unavailable.title': 'HubSpot’s workflows could not be read',
    'settings.workflows.unavailable':
      'Harbor could not ask HubSpot which of these workflows are installed just now. Try again in a minute.',
  },
  'pt-BR': {
    'settings.tab.workflows': 'Fluxos de trabalho',
    'settings.workflows.help':
      'Fluxos de trabalho do HubSpot prontos, feitos com as propriedades e ações do Harbor. `harbor workflows install` os cria desativados; revise cada um no editor de fluxos do HubSpot e ative-o lá.',
    'settings.workflows.name': 'Fluxo',
    'settings.workflows.what': 'O que faz',
    'settings.workflows.state': 'Situação',
    'settings.workflows.state.missing': 'Não instalado',
    'settings.workflows.state.installed': 'Instalado, desativado',
    'settings.workflows.state.enabled': 'Ativado',
    'settings.workflows.state.drifted': 'Alterado no HubSpot',
    'settings.workflows.state.unknown': 'Desconhecida',
    'settings.workflows.drifted': 'Difere da versão do Harbor em: {fields}',
    'settings.workflows.unavailable.title': 'Não foi possível ler os fluxos do HubSpot',
    'settings.workflows.unavailable':
      'O Harbor não conseguiu perguntar ao HubSpot quais destes fluxos estão instalados agora. Tente de novo em um minuto.',
  },
});
