import type { ExportDataset } from './datasets/export-dataset.ts';
import { scoresDataset, snapshotsDataset } from './datasets/health-datasets.ts';
import { retentionDataset } from './datasets/retention-dataset.ts';
import { signalEventsDataset, signalsDataset } from './datasets/signal-datasets.ts';
import { surveyAnswersDataset } from './datasets/survey-dataset.ts';
import { playbookRunsDataset, tasksDataset } from './datasets/work-datasets.ts';

/** Every file `harbor export` writes, in the order it writes them (schema.json lists them in this order). */
export const exportDatasets: readonly ExportDataset[] = [
  scoresDataset,
  snapshotsDataset,
  signalsDataset,
  signalEventsDataset,
  playbookRunsDataset,
  tasksDataset,
  retentionDataset,
  surveyAnswersDataset,
];
