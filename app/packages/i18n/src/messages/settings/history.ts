import { defineMessages } from '../../define-messages.ts';

/** The History tab: every saved version of the model. Keys start with `settings.`. */
export const settingsHistoryMessages = defineMessages({
  en: {
    'settings.history.help': 'Every change to the model is kept: who made it, when, and what changed.',
    'settings.history.version': 'Version',
    'settings.history.when': 'Saved',
    'settings.history.who': 'By',
    'settings.history.source': 'How',
    'settings.history.changes': 'What changed',
    'settings.history.first': 'First version',
    'settings.history.change': '{path}: {before} → {after}',
    'settings.history.nothing': 'nothing',
    'settings.history.more': {
      one: 'and 1 more change',
      other: 'and {count} more changes',
    },
    'settings.history.older': 'Show older versions',
    'settings.history.failed': 'Older versions could not be loaded',
  },
  'pt-BR': {
    'settings.history.help': 'Toda alteração no modelo fica registrada: quem fez, quando e o que mudou.',
    'settings.history.version': 'Versão',
    'settings.history.when': 'Salva em',
    'settings.history.who': 'Por',
    'settings.history.source': 'Origem',
    'settings.history.changes': 'O que mudou',
    'settings.history.first': 'Primeira versão',
    'settings.history.change': '{path}: {before} → {after}',
    'settings.history.nothing': 'nada',
    'settings.history.more': {
      one: 'e mais 1 alteração',
      other: 'e mais {count} alterações',
    },
    'settings.history.older': 'Mostrar versões anteriores',
    'settings.history.failed': 'Não foi possível carregar as versões anteriores',
  },
});
