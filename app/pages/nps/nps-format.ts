import { formatDate, formatNumber, formatPercent } from '@harbor/i18n';
import type {
  CesMetricWire,
  CsatMetricWire,
  DetractorAnswerWire,
  NpsMetricWire,
  NpsShareWire,
} from '@harbor/wire';

import type { Speech } from '../portfolio/portfolio-format.ts';

/** "NPS 32 (±12, n = 64)", "Too few answers (n = 4, minimum 10)" or "No answers". */
export function npsText(nps: NpsMetricWire, minimum: number, { t, format }: Speech): string {
  if (nps.n === 0) return t('nps.value.none');
  if (nps.score === null || nps.marginOfError === null) return t('nps.value.hidden', { n: nps.n, minimum });
  return t('nps.value.nps', {
    score: formatNumber(nps.score, format),
    margin: formatNumber(nps.marginOfError, format),
    n: nps.n,
  });
}

/** "42% (30%–55%)": a share with its 95 % Wilson range; a dash when hidden. */
export function shareText(share: NpsShareWire, { t, format }: Speech): string {
  if (share.share === null || share.low === null || share.high === null) return '—';
  return t('nps.value.share', {
    share: formatPercent(share.share, format),
    low: formatPercent(share.low, format),
    high: formatPercent(share.high, format),
  });
}

export function csatText(csat: CsatMetricWire, minimum: number, speech: Speech): string {
  const { t } = speech;
  if (csat.n === 0) return t('nps.value.none');
  if (csat.satisfied.share === null) return t('nps.value.hidden', { n: csat.n, minimum });
  return t('nps.value.csat', { share: shareText(csat.satisfied, speech), n: csat.n });
}

export function cesText(ces: CesMetricWire, minimum: number, { t, format }: Speech): string {
  if (ces.n === 0) return t('nps.value.none');
  if (ces.mean === null || ces.easy.share === null) return t('nps.value.hidden', { n: ces.n, minimum });
  return t('nps.value.ces', {
    mean: formatNumber(ces.mean, format, 1),
    easy: formatPercent(ces.easy.share, format),
    n: ces.n,
  });
}

export function segmentText(segment: string, { t }: Speech): string {
  if (segment === 'all') return t('nps.segment.all');
  return segment === 'unsegmented' ? t('nps.segment.unsegmented') : segment;
}

export function followUpText(answer: DetractorAnswerWire, { t, format }: Speech): string {
  if (answer.followUp === 'none') return t('nps.followUp.none');
  if (answer.completedAt === null)
    return t('nps.followUp.open', {
      date: answer.taskDueAt === null ? '—' : formatDate(answer.taskDueAt, format),
    });
  const date = formatDate(answer.completedAt, format);
  return answer.inTime ? t('nps.followUp.inTime', { date }) : t('nps.followUp.late', { date });
}
