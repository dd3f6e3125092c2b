/**
 * The preview's `@hubspot/ui-extensions`: the same component names and props, drawn as plain DOM in HubSpot's
 * Canvas look, so the app's own card code renders in a browser. Inside HubSpot these components are remote
 * descriptions that HubSpot's host draws; nothing here ships to HubSpot.
 */
import { useEffect, useState } from 'react';

import { extend, useExtensionApiOrThrow } from './host-bridge.ts';
import { previewFetch } from './preview-fetch.ts';

export * from './components/buttons.tsx';
export * from './components/charts.tsx';
export * from './components/display.tsx';
export * from './components/feedback.tsx';
export * from './components/inputs.tsx';
export * from './components/layout.tsx';
export * from './components/overlays.tsx';
export * from './components/table.tsx';

export const hubspot = {
  extend,
  fetch: previewFetch,
  serverless(): Promise<never> {
    return Promise.reject(
      new Error('Serverless functions do not run in the preview; Harbor uses hubspot.fetch'),
    );
  },
};

export function useExtensionApi(): ReturnType<typeof useExtensionApiOrThrow> {
  return useExtensionApiOrThrow();
}

export function useExtensionContext(): ReturnType<typeof useExtensionApiOrThrow>['context'] {
  return useExtensionApiOrThrow().context;
}

export function useExtensionActions(): ReturnType<typeof useExtensionApiOrThrow>['actions'] {
  return useExtensionApiOrThrow().actions;
}

export function useDebounce<T>(value: T, delayMs = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => {
      setSettled(value);
    }, delayMs);
    return () => {
      clearTimeout(timer);
    };
  }, [value, delayMs]);
  return settled;
}

/* eslint-disable no-console -- HubSpot's logger writes to the browser console too */
export const logger = {
  debug: (data: unknown) => {
    console.debug('[extension]', data);
  },
  info: (data: unknown) => {
    console.info('[extension]', data);
  },
  warn: (data: unknown) => {
    console.warn('[extension]', data);
  },
  error: (data: unknown) => {
    console.error('[extension]', data);
  },
};
/* eslint-enable no-console */
