export * from './release.js';
export { auditReleases, type AuditInput } from './audit.js';
export * from './api.js';
