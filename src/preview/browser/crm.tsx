/**
 * The preview's `@hubspot/ui-extensions/crm`. CRM action components open HubSpot's own dialogs (a new task,
 * an email, a record preview); the preview says which dialog HubSpot would open and for whom.
 */
import { useState, type ReactNode } from 'react';

import { previewRecord, showHostNotice, useExtensionApiOrThrow } from './host-bridge.ts';
import { classes, shortSize } from './components/canvas-scale.ts';

interface ActionContext {
  objectTypeId?: string;
  objectId?: number | string;
  engagementId?: number | string;
  path?: string;
  href?: string;
  initialEmailSubject?: string;
  initialEmailBody?: string;
  association?: { objectTypeId: string; objectId: number };
}

interface ActionProps {
  children?: ReactNode;
  actionType: string;
  actionContext: ActionContext;
  onError?: (errors: string[]) => void;
  testId?: string;
}

const objectNames: Record<string, string> = {
  '0-1': 'contact',
  '0-2': 'company',
  '0-3': 'deal',
  '0-5': 'ticket',
  '0-27': 'task',
};

/** What HubSpot's dialog would say: the action and the record it is about. */
export function describeCrmAction(
  actionType: string,
  context: ActionContext,
): { title: string; message: string } {
  const object = objectNames[context.objectTypeId ?? ''] ?? `object ${context.objectTypeId ?? '?'}`;
  const record = previewRecord();
  const isShownRecord = record !== undefined && String(record.objectId) === String(context.objectId);
  const recordName = isShownRecord
    ? (record.properties.name ?? `${object} ${context.objectId}`)
    : `${object} ${context.objectId ?? ''}`;
  const owner = isShownRecord ? record.properties.hubspot_owner_name : undefined;
  const forWhom = owner === undefined || owner === '' ? recordName : `${owner} (${recordName})`;
  switch (actionType) {
    case 'ADD_TASK':
      return {
        title: `New task for ${forWhom}`,
        message: 'HubSpot opens its task editor, associated with this record.',
      };
    case 'ADD_NOTE':
      return { title: `New note on ${recordName}`, message: 'HubSpot opens its note editor on this record.' };
    case 'SEND_EMAIL':
      return {
        title: `New email to ${recordName}`,
        message: `HubSpot opens its email composer${context.initialEmailSubject === undefined ? '' : `: "${context.initialEmailSubject}"`}.`,
      };
    case 'SCHEDULE_MEETING':
      return {
        title: `Schedule a meeting with ${recordName}`,
        message: 'HubSpot opens its meetings scheduler.',
      };
    case 'PREVIEW_OBJECT':
      return {
        title: `Preview of ${object} ${context.objectId ?? ''}`,
        message: 'HubSpot opens the record preview panel.',
      };
    case 'OPEN_RECORD_CREATOR_FORM':
      return { title: `Create a ${object}`, message: 'HubSpot opens its record creator form.' };
    case 'OPEN_RECORD_ASSOCIATION_FORM':
      return { title: `Associate a ${object}`, message: 'HubSpot opens its association form.' };
    case 'OPEN_WORKFLOW_ENROLLMENT_MODAL':
      return {
        title: `Enroll ${recordName} in a workflow`,
        message: 'HubSpot opens its workflow enrollment dialog.',
      };
    case 'RECORD_APP_LINK':
      return {
        title: `Open ${object} ${context.objectId ?? ''}`,
        message: 'HubSpot navigates to the record.',
      };
    case 'ENGAGEMENT_APP_LINK':
      return {
        title: `Open activity ${context.engagementId ?? ''}`,
        message: 'HubSpot opens the activity on its record.',
      };
    case 'PAGE_APP_LINK':
      return { title: 'Open a HubSpot page', message: `HubSpot navigates to ${context.path ?? '/'}.` };
    case 'EXTERNAL_URL':
      return { title: 'Open a link', message: context.href ?? '' };
    default:
      return { title: actionType, message: 'HubSpot runs this action.' };
  }
}

function run(actionType: string, actionContext: ActionContext): void {
  if (actionType === 'EXTERNAL_URL' && actionContext.href !== undefined) {
    window.open(actionContext.href, '_blank', 'noopener');
    return;
  }
  // A company record is a page of the preview too: open it there, as HubSpot opens the record.
  if (actionType === 'RECORD_APP_LINK' && actionContext.objectTypeId === '0-2') {
    if (String(previewRecord()?.objectId) === String(actionContext.objectId)) {
      document.querySelector('.hs-record__middle')?.scrollIntoView({ behavior: 'smooth' });
      return;
    }
    window.location.assign(`/preview/company/${String(actionContext.objectId)}${window.location.search}`);
    return;
  }
  showHostNotice({ kind: 'dialog', ...describeCrmAction(actionType, actionContext) });
}

export function CrmActionButton({
  children,
  actionType,
  actionContext,
  variant = 'secondary',
  size = 'md',
  type = 'button',
  disabled,
  onClick,
  testId,
}: ActionProps & {
  variant?: 'primary' | 'secondary' | 'destructive';
  size?: string;
  type?: 'button' | 'reset' | 'submit';
  disabled?: boolean;
  onClick?: () => void;
}) {
  return (
    <button
      data-testid={testId}
      type={type}
      disabled={disabled}
      className={classes('cv-button', `cv-button--${variant}`, `cv-button--${shortSize(size)}`)}
      onClick={() => {
        onClick?.();
        run(actionType, actionContext);
      }}
    >
      {children}
    </button>
  );
}

export function CrmActionLink({
  children,
  actionType,
  actionContext,
  variant = 'primary',
  onClick,
  testId,
}: ActionProps & { variant?: string; onClick?: () => void }) {
  return (
    <a
      data-testid={testId}
      href="#"
      className={classes('cv-link', `cv-link--${variant}`)}
      onClick={(event) => {
        event.preventDefault();
        onClick?.();
        run(actionType, actionContext);
      }}
    >
      {children}
    </a>
  );
}

interface CardAction {
  type: 'action-library-button' | 'dropdown';
  actionType?: string;
  actionContext?: ActionContext;
  label?: string;
  disabled?: boolean;
  options?: CardAction[];
}

export function CrmCardActions({ actionConfigs }: { actionConfigs: CardAction[]; testId?: string }) {
  const [openIndex, setOpenIndex] = useState<number | undefined>(undefined);
  return (
    <div className="cv-button-row">
      {actionConfigs.map((config, index) =>
        config.type === 'dropdown' ? (
          <span key={index} className="cv-dropdown">
            <button
              type="button"
              className="cv-button cv-button--secondary cv-button--sm"
              disabled={config.disabled}
              onClick={() => {
                setOpenIndex(openIndex === index ? undefined : index);
              }}
            >
              {config.label ?? 'Actions'} <span className="cv-caret cv-caret--down">›</span>
            </button>
            <div className="cv-menu" role="menu" hidden={openIndex !== index}>
              {config.options?.map((option, optionIndex) => (
                <button
                  key={optionIndex}
                  type="button"
                  role="menuitem"
                  className="cv-menu__item"
                  onClick={() => {
                    setOpenIndex(undefined);
                    run(option.actionType ?? '', option.actionContext ?? {});
                  }}
                >
                  {option.label ?? option.actionType}
                </button>
              ))}
            </div>
          </span>
        ) : (
          <button
            key={index}
            type="button"
            className="cv-button cv-button--secondary cv-button--sm"
            disabled={config.disabled}
            onClick={() => {
              run(config.actionType ?? '', config.actionContext ?? {});
            }}
          >
            {config.label ?? config.actionType}
          </button>
        ),
      )}
    </div>
  );
}

/** The record's properties as the host page has them from Harbor's store (HubSpot reads its own CRM). */
export function useCrmProperties(names: string[]): {
  properties: Record<string, string | null>;
  error: null;
  isLoading: boolean;
  isRefetching: boolean;
  refetch: () => Promise<void>;
} {
  useExtensionApiOrThrow();
  const record = previewRecord();
  const properties = Object.fromEntries(names.map((name) => [name, record?.properties[name] ?? null]));
  return { properties, error: null, isLoading: false, isRefetching: false, refetch: () => Promise.resolve() };
}
