import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

// E-mail's configuration (docs/mail.md): off without SMTP_URL, checked at start with it.

const ON = { SMTP_URL: 'smtp://mail.kommun.se:25', PUBLIC_URL: 'https://tillit.kommun.se' };

describe('mail configuration', () => {
  it('is off without SMTP_URL, whatever else is set', () => {
    expect(loadConfig({}).mail).toBeNull();
    expect(loadConfig({ MAIL_FROM: 'Tillit <tillit@kommun.se>', MAIL_DIGEST_HOUR: '6' }).mail).toBeNull();
  });

  it('is on with SMTP_URL and PUBLIC_URL, with the defaults', () => {
    expect(loadConfig(ON).mail).toEqual({
      smtpUrl: 'smtp://mail.kommun.se:25',
      from: 'Tillit <tillit@localhost>',
      fromDomain: 'localhost',
      publicUrl: 'https://tillit.kommun.se',
      retrySeconds: 60,
      digestHour: 7,
    });
  });

  it('reads the sender, the first retry and the digest hour', () => {
    expect(
      loadConfig({ ...ON, SMTP_URL: 'smtps://tillit:hemligt@mail.kommun.se:465', MAIL_FROM: 'Tillit <tillit@kommun.se>', MAIL_RETRY_SECONDS: '30', MAIL_DIGEST_HOUR: '0' }).mail,
    ).toMatchObject({ smtpUrl: 'smtps://tillit:hemligt@mail.kommun.se:465', from: 'Tillit <tillit@kommun.se>', fromDomain: 'kommun.se', retrySeconds: 30, digestHour: 0 });
    expect(loadConfig({ ...ON, MAIL_FROM: 'tillit@kommun.se' }).mail).toMatchObject({ from: 'tillit@kommun.se', fromDomain: 'kommun.se' });
  });

  it('stops the start on a wrong value, naming it, and never repeats the SMTP password', () => {
    for (const [env, name] of [
      [{ SMTP_URL: 'smtp://mail.kommun.se' }, 'PUBLIC_URL'],
      [{ ...ON, SMTP_URL: 'http://user:hemligt@mail.kommun.se' }, 'SMTP_URL'],
      [{ ...ON, SMTP_URL: 'mail.kommun.se:25' }, 'SMTP_URL'],
      [{ ...ON, MAIL_FROM: 'Tillit' }, 'MAIL_FROM'],
      [{ ...ON, MAIL_FROM: 'Tillit <tillit>' }, 'MAIL_FROM'],
      [{ ...ON, MAIL_RETRY_SECONDS: '0' }, 'MAIL_RETRY_SECONDS'],
      [{ ...ON, MAIL_RETRY_SECONDS: '7200' }, 'MAIL_RETRY_SECONDS'],
      [{ ...ON, MAIL_DIGEST_HOUR: '24' }, 'MAIL_DIGEST_HOUR'],
      [{ ...ON, MAIL_DIGEST_HOUR: 'sju' }, 'MAIL_DIGEST_HOUR'],
    ] as const) {
      expect(() => loadConfig(env), JSON.stringify(env)).toThrow(name);
      expect(() => loadConfig(env)).not.toThrow(/hemligt/);
    }
  });
});
