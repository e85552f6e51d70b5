import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('has defaults that run the demo on 127.0.0.1:3000', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', isDemo: true });
    expect(c.databasePath).toMatch(/data[/\\]tillit\.db$/);
  });

  it('reads the environment', () => {
    expect(loadConfig({ PORT: '8080', HOST: '0.0.0.0', TILLIT_DEMO: '0', DATABASE_PATH: '/tmp/x.db' })).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      isDemo: false,
      databasePath: '/tmp/x.db',
    });
  });

  it('stops on a wrong value and says which', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ TILLIT_DEMO: 'kanske' })).toThrow(/TILLIT_DEMO/);
  });

  it('trusts no proxy by default, one hop with TRUST_PROXY=1, or the listed proxies', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.2, 10.1.0.0/16,::1' }).trustProxy).toEqual(['10.0.0.2', '10.1.0.0/16', '::1']);
    for (const wrong of ['ja', '10.0.0.300', '10.0.0.0/33', 'proxy.kommun.se', ',']) {
      expect(() => loadConfig({ TRUST_PROXY: wrong }), wrong).toThrow(/TRUST_PROXY/);
    }
  });

  it('takes PUBLIC_URL as the origin people reach Tillit at', () => {
    expect(loadConfig({}).security.publicOrigin).toBeNull();
    expect(loadConfig({ PUBLIC_URL: 'https://tillit.kommun.se/' }).security.publicOrigin).toBe('https://tillit.kommun.se');
    expect(() => loadConfig({ PUBLIC_URL: 'tillit.kommun.se' })).toThrow(/PUBLIC_URL/);
  });

  it('reads the operations settings: metrics token, backup schedule, directory and count, audit retention', () => {
    const defaults = loadConfig({ DATABASE_PATH: '/srv/tillit/tillit.db' });
    expect(defaults).toMatchObject({
      metricsToken: null,
      backup: { schedule: null, dir: '/srv/tillit/backups', keep: 14 },
      auditRetentionDays: 1095,
    });
    const set = loadConfig({
      METRICS_TOKEN: 'a-long-random-token-0123456789',
      BACKUP_SCHEDULE: '0 2 * * *',
      BACKUP_DIR: '/mnt/backup/tillit',
      BACKUP_KEEP: '30',
      AUDIT_RETENTION_DAYS: '730',
    });
    expect(set).toMatchObject({
      metricsToken: 'a-long-random-token-0123456789',
      backup: { schedule: '0 2 * * *', dir: '/mnt/backup/tillit', keep: 30 },
      auditRetentionDays: 730,
    });
    expect(() => loadConfig({ BACKUP_SCHEDULE: 'varje natt' })).toThrow(/BACKUP_SCHEDULE: Ange ett cron-uttryck/);
    expect(() => loadConfig({ BACKUP_SCHEDULE: '0 25 * * *' })).toThrow(/BACKUP_SCHEDULE/);
    expect(() => loadConfig({ BACKUP_KEEP: '0' })).toThrow(/BACKUP_KEEP/);
    expect(() => loadConfig({ METRICS_TOKEN: 'kort' })).toThrow(/METRICS_TOKEN: Använd minst 16 tecken/);
    expect(() => loadConfig({ AUDIT_RETENTION_DAYS: '-1' })).toThrow(/AUDIT_RETENTION_DAYS/);
  });
});
