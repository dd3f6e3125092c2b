import { Select } from '@hubspot/ui-extensions';
import type { Translate } from '@harbor/i18n';
import { reportPeriods, type ReportPeriod } from '@harbor/wire';

function isPeriod(value: unknown): value is ReportPeriod {
  return (reportPeriods as readonly unknown[]).includes(value);
}

/** Month, quarter or year: the calendar periods every retention figure is measured over. */
export function PeriodPicker({
  period,
  onChange,
  t,
  testId,
}: {
  period: ReportPeriod;
  onChange: (period: ReportPeriod) => void;
  t: Translate;
  testId: string;
}) {
  return (
    <Select
      label={t('retention.period.label')}
      name={testId}
      value={period}
      options={reportPeriods.map((value) => ({ value, label: t(`retention.period.${value}`) }))}
      onChange={(value) => {
        if (isPeriod(value)) onChange(value);
      }}
      testId={testId}
    />
  );
}
