import { defineMessages } from '../../define-messages.ts';

/** The Health model tab: segmentation, dwell time, weights and tiers. Keys start with `settings.`. */
export const settingsModelMessages = defineMessages({
  en: {
    'settings.model.help':
      'Companies are split into segments (for example by size), and each segment has its own weights and tiers.',
    'settings.segments.property': 'Segment property',
    'settings.segments.propertyHelp': 'The company property that decides which segment a company belongs to.',
    'settings.segments.title': 'Segment {segment}',
    'settings.dwell.label': 'Days before a tier may change',
    'settings.dwell.help':
      'A company keeps its tier at least this many days, so one bad week does not flip it back and forth.',
    'settings.weights.title': 'Component weights',
    'settings.weights.help':
      'How much each part counts towards the score, in percent. Together they must make 100.',
    'settings.weights.total': 'Total',
    'settings.weights.totalOk': 'Adds up to 100',
    'settings.weights.nothingToWeigh':
      'None of this component’s indicators has thresholds in this model, so it has nothing to weigh.',
    'settings.weights.nothingToWeighCustom': 'Add a custom indicator on the Indicators tab to weigh this.',
    'settings.tiers.title': 'Tiers',
    'settings.tiers.help':
      'A company becomes Healthy at the first score and leaves only below the second; it becomes At risk below the fourth and leaves only at the third. The gaps stop tiers from flapping.',
    'settings.tiers.healthyEnter': 'Healthy from',
    'settings.tiers.healthyExit': 'Stays Healthy down to',
    'settings.tiers.atRiskExit': 'Leaves At risk from',
    'settings.tiers.atRiskEnter': 'At risk below',
  },
  'pt-BR': {
    'settings.model.help':
      'As empresas são divididas em segmentos (por exemplo, por porte), e cada segmento tem seus próprios pesos e faixas.',
    'settings.segments.property': 'Propriedade de segmento',
    'settings.segments.propertyHelp': 'A propriedade da empresa que define a qual segmento ela pertence.',
    'settings.segments.title': 'Segmento {segment}',
    'settings.dwell.label': 'Dias até a faixa poder mudar',
    'settings.dwell.help':
      'A empresa fica na faixa por pelo menos esse número de dias, para que uma semana ruim não a faça ir e voltar.',
    'settings.weights.title': 'Pesos dos componentes',
    'settings.weights.help':
      'Quanto cada parte conta para a pontuação, em porcentagem. Juntos, eles precisam somar 100.',
    'settings.weights.total': 'Total',
    'settings.weights.totalOk': 'Soma 100',
    'settings.weights.nothingToWeigh':
      'Nenhum indicador deste componente tem limites neste modelo, então não há o que pesar.',
    'settings.weights.nothingToWeighCustom':
      'Adicione um indicador personalizado na aba Indicadores para dar peso a este componente.',
    'settings.tiers.title': 'Faixas',
    'settings.tiers.help':
      'A empresa vira Saudável a partir da primeira pontuação e só sai abaixo da segunda; vira Em risco abaixo da quarta e só sai a partir da terceira. Essas margens evitam que a faixa fique oscilando.',
    'settings.tiers.healthyEnter': 'Saudável a partir de',
    'settings.tiers.healthyExit': 'Continua Saudável até',
    'settings.tiers.atRiskExit': 'Sai de Em risco a partir de',
    'settings.tiers.atRiskEnter': 'Em risco abaixo de',
  },
});
