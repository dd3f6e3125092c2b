import { renderConfigTable } from '../src/config/config-table.ts';

process.stdout.write(`${renderConfigTable()}\n`);
