export {
  harborFetch,
  HarborApiError,
  serviceBaseUrl,
  type HarborContext,
  type HarborRequest,
} from './harbor-fetch.ts';
export { HarborError, HarborLoading } from './harbor-states.tsx';
export { useHarborData, type HarborData } from './use-harbor-data.ts';
export { useLanguage, type LanguageTools } from './use-language.ts';
