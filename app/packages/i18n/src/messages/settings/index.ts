import { settingsActionsMessages } from './actions.ts';
import { settingsCalibrationMessages } from './calibration.ts';
import { settingsGeneralMessages } from './general.ts';
import { settingsHistoryMessages } from './history.ts';
import { settingsIndicatorParameterMessages } from './indicator-parameters.ts';
import { settingsIndicatorsMessages } from './indicators.ts';
import { settingsModelMessages } from './model.ts';
import { settingsPropertiesMessages } from './properties.ts';
import { settingsReportsMessages } from './reports.ts';
import { settingsSegmentationMessages } from './segmentation.ts';
import { settingsUsageDataMessages } from './usage-data.ts';
import { settingsWorkflowsMessages } from './workflows.ts';

/**
 * The settings surface's texts, one file per tab (keys start with `settings.`). They stay separate parts of
 * the catalogue, so a key defined in two of them is caught as a duplicate.
 */
export const settingsMessageParts = [
  settingsGeneralMessages,
  settingsModelMessages,
  settingsSegmentationMessages,
  settingsIndicatorsMessages,
  settingsIndicatorParameterMessages,
  settingsPropertiesMessages,
  settingsCalibrationMessages,
  settingsHistoryMessages,
  settingsActionsMessages,
  settingsWorkflowsMessages,
  settingsUsageDataMessages,
  settingsReportsMessages,
] as const;
