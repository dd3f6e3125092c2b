import type { Translate } from '@harbor/i18n';

/** A switch's own words beside it, in the user's language (HubSpot's default is English "On"/"Off"). */
export function toggleTexts(t: Translate): { textChecked: string; textUnchecked: string } {
  return { textChecked: t('settings.actions.toggle.on'), textUnchecked: t('settings.actions.toggle.off') };
}
