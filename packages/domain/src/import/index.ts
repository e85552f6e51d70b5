export * from './csv.js';
export * from './rows.js';
export * from './names.js';
export * from './totals.js';
export * from './api.js';
