import { Button, ErrorState, Text } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { createTranslator } from '@harbor/i18n';
import { describe, expect, it } from 'vitest';

import { HarborApiError } from './harbor-fetch.ts';
import { HarborError } from './harbor-states.tsx';

describe('the shared error state', () => {
  it('when Harbor is not installed in the portal, then the user is told so in their language and can retry', () => {
    const renderer = createRenderer('crm.record.tab');
    let reloads = 0;
    renderer.render(
      <HarborError
        error={new HarborApiError('PORTAL_NOT_INSTALLED', 'not installed', 403)}
        reload={() => (reloads += 1)}
        t={createTranslator('pt-BR')}
      />,
    );
    expect(renderer.find(ErrorState).props.title).toBe('O Harbor não conseguiu carregar isto');
    expect(renderer.find(Text).text).toContain('não está instalado');
    renderer.find(Button).trigger('onClick');
    expect(reloads).toBe(1);
  });
});
