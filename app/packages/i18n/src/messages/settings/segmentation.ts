import { defineMessages } from '../../define-messages.ts';

/** The Health model tab's segmentation rules: which company goes to which segment. Keys start with `settings.`. */
export const settingsSegmentationMessages = defineMessages({
  en: {
    'settings.segmentation.kind': 'How companies are split',
    'settings.segmentation.kindHelp':
      'By ranges of a number (for example employees or contract value), or by the property’s exact values (for example the plan).',
    'settings.segmentation.kind.bands': 'Number ranges',
    'settings.segmentation.kind.values': 'Exact values',
    'settings.segmentation.bandsHelp':
      'A company goes to the segment of the first range its value is below. List the limits from lowest to highest.',
    'settings.segmentation.below': 'Below',
    'settings.segmentation.segment': 'Segment',
    'settings.segmentation.remove': 'Remove',
    'settings.segmentation.addBand': 'Add range',
    'settings.segmentation.top': 'Anything higher goes to',
    'settings.segmentation.topHelp': 'The segment of companies whose value is at or above the last limit.',
    'settings.segmentation.valuesHelp':
      'Each listed value of the property leads to one segment; companies with any other value go to the default segment.',
    'settings.segmentation.noValues': 'No values listed yet: every company goes to the default segment.',
    'settings.segmentation.valueSegment': '“{value}” goes to',
    'settings.segmentation.addValue': 'Add a value',
    'settings.segmentation.default': 'Default segment',
    'settings.segmentation.defaultHelp':
      'For companies without a value, or whose value matches no rule above, and for segments without their own model.',
  },
  'pt-BR': {
    'settings.segmentation.kind': 'Como as empresas são divididas',
    'settings.segmentation.kindHelp':
      'Por intervalos de um número (por exemplo, funcionários ou valor do contrato) ou pelos valores exatos da propriedade (por exemplo, o plano).',
    'settings.segmentation.kind.bands': 'Intervalos de número',
    'settings.segmentation.kind.values': 'Valores exatos',
    'settings.segmentation.bandsHelp':
      'A empresa vai para o segmento do primeiro intervalo cujo limite fica acima do seu valor. Liste os limites do menor para o maior.',
    'settings.segmentation.below': 'Abaixo de',
    'settings.segmentation.segment': 'Segmento',
    'settings.segmentation.remove': 'Remover',
    'settings.segmentation.addBand': 'Adicionar intervalo',
    'settings.segmentation.top': 'Valores acima vão para',
    'settings.segmentation.topHelp': 'O segmento das empresas com valor igual ou acima do último limite.',
    'settings.segmentation.valuesHelp':
      'Cada valor listado da propriedade leva a um segmento; empresas com qualquer outro valor vão para o segmento padrão.',
    'settings.segmentation.noValues':
      'Nenhum valor listado ainda: todas as empresas vão para o segmento padrão.',
    'settings.segmentation.valueSegment': '“{value}” vai para',
    'settings.segmentation.addValue': 'Adicionar um valor',
    'settings.segmentation.default': 'Segmento padrão',
    'settings.segmentation.defaultHelp':
      'Para empresas sem valor ou cujo valor não cai em nenhuma regra acima, e para segmentos sem modelo próprio.',
  },
});
