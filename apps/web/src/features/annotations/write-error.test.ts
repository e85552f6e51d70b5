import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError, CLIENT_ERROR_CODES } from '../../api/client';
import { resources } from '../../i18n/resources';
import { writeErrorText } from './write-error';

const sv = i18next.createInstance();
beforeAll(async () => {
  await sv.init({ resources, lng: 'sv', interpolation: { escapeValue: false } });
});

describe('writeErrorText', () => {
  it("says what was wrong with the fields, in the API's words, without paths", () => {
    const error = new ApiError({
      status: 400,
      code: 'VALIDATION',
      message: 'Ogiltig förfrågan – body.year: Ange ett årtal',
      details: [
        { path: 'body.year', message: 'Ange ett årtal' },
        { path: 'body.yearTo', message: 'Ange ett årtal' },
        { path: 'body.text', message: 'Texten får inte vara tom' },
      ],
    });
    expect(writeErrorText(error, sv.t)).toBe('Ange ett årtal Texten får inte vara tom');
  });

  it("gives the API's message for a refusal, and plain words when there was no answer", () => {
    const forbidden = new ApiError({ status: 403, code: 'FORBIDDEN', message: 'Du kan bara skriva för dina egna enheter.' });
    expect(writeErrorText(forbidden, sv.t)).toBe('Du kan bara skriva för dina egna enheter.');
    const offline = new ApiError({ status: 0, code: CLIENT_ERROR_CODES.network, message: 'Failed to fetch' });
    expect(writeErrorText(offline, sv.t)).toMatch(/Servern svarar inte/);
    expect(writeErrorText(new ApiError({ status: 500, code: 'INTERNAL', message: 'x' }), sv.t)).toBe('Ett fel uppstod på servern.');
  });
});
