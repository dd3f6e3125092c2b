import { hubspot } from '@hubspot/ui-extensions';

import { PageRouter } from './page-router.tsx';

hubspot.extend<'pages'>(() => <PageRouter />);
