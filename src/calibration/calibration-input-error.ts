/**
 * The data cannot be calibrated from (unknown column, one class, too few rows…). The message is written for
 * the person who exported the spreadsheet, so the CLI prints it as is, without a stack trace.
 */
export class CalibrationInputError extends Error {
  override readonly name = 'CalibrationInputError';
}
