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
});
