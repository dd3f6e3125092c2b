export * from './api-error.ts';
export * from './company-view.ts';
export * from './health-model.ts';
export * from './health-score.ts';
export * from './home-view.ts';
export * from './settings-view.ts';
