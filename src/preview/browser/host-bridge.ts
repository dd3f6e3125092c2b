import { createContext, useContext, type ReactElement } from 'react';

/** What the preview's host page hands an extension: HubSpot's `{ context, actions }`. */
export interface ExtensionApi {
  context: Record<string, unknown> & { location: string };
  actions: Record<string, (...args: never[]) => unknown>;
}

export type RenderCallback = (api: ExtensionApi & { runServerlessFunction: () => never }) => ReactElement;

export const ExtensionApiContext = createContext<ExtensionApi | null>(null);

export function useExtensionApiOrThrow(): ExtensionApi {
  const api = useContext(ExtensionApiContext);
  if (api === null) throw new Error('This hook runs only inside an extension rendered by the preview');
  return api;
}

let registered: RenderCallback | undefined;

function lastRegistered(): RenderCallback | undefined {
  return registered;
}

/** The shim's `hubspot.extend`: HubSpot keeps one render callback per extension worker. */
export function extend(callback: RenderCallback): void {
  registered = callback;
}

/**
 * Runs an extension's entry module and returns the callback it registered. Entries load one after another,
 * so the callback registered during a load is that entry's (each HubSpot extension has its own worker).
 */
export async function loadExtension(load: () => Promise<unknown>): Promise<RenderCallback> {
  registered = undefined;
  await load();
  const callback = lastRegistered();
  if (callback === undefined) throw new Error('The entry file did not call hubspot.extend');
  return callback;
}

/** Host-level things the components ask for: toasts, "what HubSpot would open" notes, overlays. */
export interface HostNotice {
  kind: 'toast' | 'dialog';
  title: string;
  message: string;
  variant?: string | undefined;
}

const noticeListeners = new Set<(notice: HostNotice) => void>();

export function onHostNotice(listener: (notice: HostNotice) => void): () => void {
  noticeListeners.add(listener);
  return () => noticeListeners.delete(listener);
}

export function showHostNotice(notice: HostNotice): void {
  for (const listener of noticeListeners) listener(notice);
}

const overlayClosers = new Map<string, () => void>();

/** Modals and panels register while open so `actions.closeOverlay(id)` can close them. */
export function registerOverlay(id: string, close: () => void): () => void {
  overlayClosers.set(id, close);
  return () => {
    if (overlayClosers.get(id) === close) overlayClosers.delete(id);
  };
}

export function closeOverlay(id: string): void {
  overlayClosers.get(id)?.();
}

/** The record the CRM hooks answer from (the company the host page shows), when there is one. */
export interface PreviewRecord {
  objectId: number;
  objectTypeId: string;
  properties: Record<string, string>;
}

let currentRecord: PreviewRecord | undefined;

export function setPreviewRecord(record: PreviewRecord | undefined): void {
  currentRecord = record;
}

export function previewRecord(): PreviewRecord | undefined {
  return currentRecord;
}

/** The app page path (the part after /preview/home) and the host's navigation for PageLink. */
export interface PageLocationHost {
  path: string;
  params: Record<string, string>;
  navigate(to: string, params?: Record<string, string>): void;
}

export const PageLocationContext = createContext<PageLocationHost>({
  path: '/',
  params: {},
  navigate: () => undefined,
});
