import { defineMessages } from '../define-messages.ts';

/** Words every surface uses: tiers, components, states. */
export const commonMessages = defineMessages({
  en: {
    'tier.healthy': 'Healthy',
    'tier.watch': 'Watch',
    'tier.at_risk': 'At risk',
    'component.usage': 'Usage',
    'component.support': 'Support',
    'component.payment': 'Payment',
    'component.engagement': 'Engagement',
    'component.sentiment': 'Sentiment',
    'component.custom': 'Custom indicators',
    'state.loading': 'Loading Harbor…',
    'state.error.title': 'Harbor could not load this',
    'state.error.retry': 'Try again',
    'state.error.notInstalled':
      'Harbor is not installed in this HubSpot account. Ask an admin to install it.',
    'state.error.unreachable': 'Harbor’s service did not answer. Try again in a moment.',
    'state.error.generic':
      'Something went wrong ({code}). Try again, and tell your admin if it keeps happening.',
  },
  'pt-BR': {
    'tier.healthy': 'Saudável',
    'tier.watch': 'Atenção',
    'tier.at_risk': 'Em risco',
    'component.usage': 'Uso',
    'component.support': 'Suporte',
    'component.payment': 'Pagamento',
    'component.engagement': 'Engajamento',
    'component.sentiment': 'Satisfação',
    'component.custom': 'Indicadores personalizados',
    'state.loading': 'Carregando o Harbor…',
    'state.error.title': 'O Harbor não conseguiu carregar isto',
    'state.error.retry': 'Tentar de novo',
    'state.error.notInstalled':
      'O Harbor não está instalado nesta conta da HubSpot. Peça a um administrador para instalá-lo.',
    'state.error.unreachable': 'O serviço do Harbor não respondeu. Tente de novo em instantes.',
    'state.error.generic':
      'Algo deu errado ({code}). Tente de novo e avise o administrador se continuar acontecendo.',
  },
});
