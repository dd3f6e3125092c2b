import { useCallback, useEffect, useState } from 'react';

import { HarborApiError } from './harbor-fetch.ts';

export type HarborData<Data> =
  | { state: 'loading' }
  | { state: 'error'; error: HarborApiError; reload: () => void }
  | { state: 'ready'; data: Data; reload: () => void; isReloading: boolean };

/**
 * Loads once on mount and again on reload(); while reloading, the last data stays on screen. A load that
 * finishes after a newer one started is ignored, so a slow answer never overwrites a fresher one.
 */
export function useHarborData<Data>(load: () => Promise<Data>, deps: readonly unknown[]): HarborData<Data> {
  const [result, setResult] = useState<
    { state: 'loading' } | { state: 'error'; error: HarborApiError } | { state: 'ready'; data: Data }
  >({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const [isReloading, setIsReloading] = useState(false);
  const reload = useCallback(() => {
    setIsReloading(true);
    setGeneration((value) => value + 1);
  }, []);

  useEffect(() => {
    let isCurrent = true;
    load().then(
      (data) => {
        if (!isCurrent) return;
        setResult({ state: 'ready', data });
        setIsReloading(false);
      },
      (error: unknown) => {
        if (!isCurrent) return;
        setResult({
          state: 'error',
          error:
            error instanceof HarborApiError
              ? error
              : new HarborApiError('UNEXPECTED', error instanceof Error ? error.message : String(error)),
        });
        setIsReloading(false);
      },
    );
    return () => {
      isCurrent = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names what the load depends on
  }, [generation, ...deps]);

  if (result.state === 'loading') return result;
  if (result.state === 'error') return { ...result, reload };
  return { ...result, reload, isReloading };
}
