/**
 * `npm run test:security`: walks the whole route table against a fresh embedded database (the same walk as
 * test/security/route-table.security.test.ts) and prints, per route, the requests tried, those refused as
 * expected, answers of 500 (must be 0) and refused requests that changed rows (must be 0). Exit 1 when any
 * route fails, with the failures listed below the table. `--json` prints the reports instead.
 */
import { renderTable } from '../src/cli/terminal/text-table.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import { openDatabase } from '../src/store/open-database.ts';
import { buildSecurityApp, seedExamples } from '../test/security/security-fixture.ts';
import { walkRouteTable } from '../test/security/security-walk.ts';

const asJson = process.argv.includes('--json');
const handle = await openDatabase({ dataDir: 'memory://', schema: 'public' });
try {
  await migrateToLatest(handle.db);
  await seedExamples(handle);
  const { app, deps } = buildSecurityApp(handle);
  const reports = await walkRouteTable(app, deps, handle);
  const failing = reports.filter((report) => report.failures.length > 0);
  if (asJson) process.stdout.write(`${JSON.stringify(reports)}\n`);
  else {
    const rows = reports.map((report) => [
      report.route,
      String(report.tried),
      String(report.refusedAsExpected),
      String(report.serverErrors),
      String(report.rowsChangedByRefused),
      report.failures.length === 0 ? 'ok' : 'FAILED',
    ]);
    const total = (pick: (report: (typeof reports)[number]) => number): string =>
      String(reports.reduce((sum, report) => sum + pick(report), 0));
    rows.push([
      `all ${reports.length} routes`,
      total((report) => report.tried),
      total((report) => report.refusedAsExpected),
      total((report) => report.serverErrors),
      total((report) => report.rowsChangedByRefused),
      failing.length === 0 ? 'ok' : `${failing.length} FAILED`,
    ]);
    process.stdout.write(
      `${renderTable(['route', 'tried', 'refused as expected', '500s', 'rows changed by refused', 'verdict'], rows)}\n`,
    );
    for (const report of failing)
      process.stdout.write(`\n${report.route}\n  ${report.failures.join('\n  ')}\n`);
  }
  process.exitCode = failing.length === 0 ? 0 : 1;
} finally {
  await handle.close();
}
