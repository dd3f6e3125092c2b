import { curveReading, type IndicatorReading, type ScoringContext } from './indicator-reading.ts';
import { daysBefore, readTime } from './property-values.pure.ts';

/** Days since the CSM last touched the account, since the last meeting and since the customer last replied. */
export function engagementIndicators({ inputs, model, now }: ScoringContext): IndicatorReading[] {
  const { properties: map, curves } = model;
  const days = (name: string | null): number | null => {
    const time = name === null ? null : readTime(inputs.properties[name]);
    return time === null ? null : Math.floor(daysBefore(now, time));
  };
  return [
    curveReading('days_since_csm_touch', days(map.lastCsmTouch), curves.days_since_csm_touch),
    curveReading('days_since_meeting', days(map.lastMeeting), curves.days_since_meeting),
    curveReading('days_since_reply', days(map.lastReply), curves.days_since_reply),
  ];
}
