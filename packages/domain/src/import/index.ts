export * from './csv.js';
export * from './rows.js';
export * from './api.js';
