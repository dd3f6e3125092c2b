import { defineMessages } from '../../define-messages.ts';

/** The Usage data tab: the keys a product pushes usage with. Keys start with `settings.`. */
export const settingsUsageDataMessages = defineMessages({
  en: {
    'settings.tab.usageData': 'Usage data',
    'settings.usageData.help':
      'Your product can push daily usage per company (active users, seats, logins, minutes, feature events) to Harbor’s usage ingest API with a key made here. Harbor scores usage from it and charts it on the company card.',
    'settings.usageData.name': 'Key name',
    'settings.usageData.namePlaceholder': 'e.g. Product usage export',
    'settings.usageData.create': 'Create key',
    'settings.usageData.created.title': 'Copy the key now',
    'settings.usageData.created':
      'This is the only time the key is shown; Harbor keeps only a fingerprint of it. Send it as "Authorization: Bearer <key>".',
    'settings.usageData.prefix': 'Starts with',
    'settings.usageData.createdAt': 'Created',
    'settings.usageData.status': 'Status',
    'settings.usageData.active': 'Active',
    'settings.usageData.revoked': 'Revoked {date}',
    'settings.usageData.revoke': 'Revoke',
    'settings.usageData.none': 'No keys yet.',
    'settings.usageData.failed': 'That did not work ({code}). Try again.',
  },
  'pt-BR': {
    'settings.tab.usageData': 'Dados de uso',
    'settings.usageData.help':
      'Seu produto pode enviar o uso diário por empresa (usuários ativos, licenças, logins, minutos, eventos de funcionalidades) para a API de ingestão de uso do Harbor com uma chave criada aqui. O Harbor calcula o uso a partir disso e mostra um gráfico no cartão da empresa.',
    'settings.usageData.name': 'Nome da chave',
    'settings.usageData.namePlaceholder': 'ex.: Exportação de uso do produto',
    'settings.usageData.create': 'Criar chave',
    'settings.usageData.created.title': 'Copie a chave agora',
    'settings.usageData.created':
      'Esta é a única vez que a chave aparece; o Harbor guarda só uma impressão digital dela. Envie-a como "Authorization: Bearer <chave>".',
    'settings.usageData.prefix': 'Começa com',
    'settings.usageData.createdAt': 'Criada',
    'settings.usageData.status': 'Situação',
    'settings.usageData.active': 'Ativa',
    'settings.usageData.revoked': 'Revogada em {date}',
    'settings.usageData.revoke': 'Revogar',
    'settings.usageData.none': 'Nenhuma chave ainda.',
    'settings.usageData.failed': 'Não deu certo ({code}). Tente de novo.',
  },
});
