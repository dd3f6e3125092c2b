export * from './api-error.ts';
export * from './health-score.ts';
