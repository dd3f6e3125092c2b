import type { ActionSettingsViewWire } from '@harbor/wire';
import type { Translate } from '@harbor/i18n';
import { HarborError, HarborLoading } from '@harbor/ui';
import { Flex } from '@hubspot/ui-extensions';
import type { ReactNode } from 'react';

import { ActionSaveBar } from './action-save-bar.tsx';
import type { ActionDraft } from './action-settings-draft.ts';
import type { ActionSettings } from './use-action-settings.ts';

export interface ActionTabFrameProps {
  tab: 'signals' | 'automations' | 'playbooks';
  actions: ActionSettings;
  editable: boolean;
  t: Translate;
  children: (draft: ActionDraft, view: ActionSettingsViewWire) => ReactNode;
}

/**
 * Around the Signals, Automations and Playbooks tabs: their settings load apart from the model's, so each
 * tab shows its own loading and error state, and the save bar of the three above its fields.
 */
export function ActionTabFrame({ tab, actions, editable, t, children }: ActionTabFrameProps) {
  const { data, draft } = actions;
  if (data.state === 'loading') return <HarborLoading t={t} />;
  if (data.state === 'error') return <HarborError error={data.error} reload={data.reload} t={t} />;
  if (draft === undefined) return null;
  return (
    <Flex direction="column" gap="md">
      <ActionSaveBar tab={tab} actions={actions} editable={editable} t={t} />
      {children(draft, data.data)}
    </Flex>
  );
}
