/**
 * The portals a command works on: the one asked for (which must be installed), or every active one. A string
 * is the reason none can be worked on, for the command to print.
 */
export function selectPortals(requested: number | undefined, active: readonly number[]): number[] | string {
  if (requested === undefined) {
    return active.length > 0
      ? [...active]
      : 'No portal is installed yet: install the app, or set HUBSPOT_ACCESS_TOKEN and start Harbor once.';
  }
  if (!active.includes(requested)) {
    return `Portal ${requested} is not installed (or was uninstalled). Active: ${active.join(', ') || 'none'}.`;
  }
  return [requested];
}
