import { Router } from 'express';

import type { ActionDefinition, LoadedDefinitions } from '../../workflows/action-definitions.ts';
import { sendHubSpotError } from '../hubspot-error.ts';
import { requestContext } from '../request-context.ts';

type InputField = ActionDefinition['config']['inputFields'][number];
type TypeDefinition = InputField['typeDefinition'];

/** HubSpot lists `options` on every field type (required in PublicFieldTypeDefinition) and a label on each. */
function publicType(type: TypeDefinition): Record<string, unknown> {
  const options = (type.options ?? []).map((option) => ({ ...option, label: option.label ?? option.value }));
  return { ...type, options };
}

const valueSchemas: Partial<Record<string, string>> = {
  number: 'DOUBLE',
  string: 'STRING',
  enumeration: 'STRING',
  bool: 'BOOLEAN',
};

/**
 * An output field as HubSpot answers it (FieldTypeDefinition): it adds a value schema, flags and full option
 * records that an hsmeta file never states, so they are filled in with what a plain field holds.
 */
function publicOutputType(type: TypeDefinition): Record<string, unknown> {
  const options = (type.options ?? []).map((option, index) => ({
    description: '',
    displayOrder: index,
    doubleData: 0,
    hidden: false,
    readOnly: false,
    ...option,
    label: option.label ?? option.value,
  }));
  return {
    ...type,
    options,
    externalOptions: false,
    useChirp: false,
    schema: { type: valueSchemas[type.type] ?? 'UNKNOWN' },
  };
}

/**
 * An uploaded hsmeta action as `GET /automation/v4/actions/{appId}` answers it (PublicActionDefinition): the
 * project's `isPublished` is the API's `published`, and the id is the one the sandbox assigned on "upload".
 */
export function publicActionDefinition(definition: ActionDefinition): Record<string, unknown> {
  const { config } = definition;
  return {
    id: String(definition.definitionId),
    revisionId: String(definition.version),
    actionUrl: config.actionUrl,
    published: config.isPublished ?? false,
    objectTypes: config.objectTypes,
    inputFields: config.inputFields.map((field) => ({
      ...field,
      typeDefinition: publicType(field.typeDefinition),
    })),
    outputFields: config.outputFields.map((field) => ({
      typeDefinition: publicOutputType(field.typeDefinition),
    })),
    labels: config.labels,
    executionRules: config.executionRules,
    functions: [],
    ...(config.objectRequestOptions === undefined
      ? {}
      : { objectRequestOptions: config.objectRequestOptions }),
  };
}

/**
 * The definitions API, read side (automation-actions-v4.json): the app's actions are the project's hsmeta
 * files, as HubSpot would hold them after `hs project upload`. Another app's id answers 404 as HubSpot does
 * for an app the caller cannot see. One page holds every definition (a project has a handful).
 */
export function createActionDefinitionRoutes(definitions: () => Promise<LoadedDefinitions>): Router {
  const router = Router();

  router.get('/automation/v4/actions/:appId', async (req, res, next) => {
    if (!/^\d+$/.test(req.params.appId)) {
      next();
      return;
    }
    if (Number(req.params.appId) !== requestContext(res).appId) {
      sendHubSpotError(res, 404, 'OBJECT_NOT_FOUND', `no app ${req.params.appId}`);
      return;
    }
    // Nothing the sandbox holds is archived.
    if (req.query.archived === 'true') {
      res.json({ results: [] });
      return;
    }
    res.json({ results: (await definitions()).definitions.map(publicActionDefinition) });
  });

  router.get('/automation/v4/actions/:appId/:definitionId', async (req, res, next) => {
    if (!/^\d+$/.test(req.params.appId)) {
      next();
      return;
    }
    const found = (await definitions()).definitions.find(
      (definition) => String(definition.definitionId) === req.params.definitionId,
    );
    if (Number(req.params.appId) !== requestContext(res).appId || found === undefined) {
      sendHubSpotError(res, 404, 'OBJECT_NOT_FOUND', `no action definition ${req.params.definitionId}`);
      return;
    }
    res.json(publicActionDefinition(found));
  });

  return router;
}
