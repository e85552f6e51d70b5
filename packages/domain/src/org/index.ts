export * from './lineage.js';
export * from './safe-points.js';
export * from './events.js';
export * from './validate.js';
export * from './units-file.js';
export * from './api.js';
export * from './coverage.js';
export * from './unit-table.js';
