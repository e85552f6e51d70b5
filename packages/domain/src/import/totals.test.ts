import { describe, expect, it } from 'vitest';
import { compareTotal, swedishHundredths, totalMessage } from './totals.js';

describe('compareTotal', () => {
  it('is consistent when numerator and denominator equal the sum below, at the precision the total is written with', () => {
    expect(compareTotal({ numeratorC: 2500, denominatorC: 100000 }, { numeratorC: 2500, denominatorC: 100000 })).toBe('consistent');
    // 1 235 written without decimals against units summing to 1 234,60.
    expect(compareTotal({ numeratorC: 123500, denominatorC: 500 }, { numeratorC: 123460, denominatorC: 500 })).toBe('consistent');
    expect(compareTotal({ numeratorC: 123450, denominatorC: 500 }, { numeratorC: 123460, denominatorC: 500 })).toBe('differs');
    expect(compareTotal({ numeratorC: 2500, denominatorC: 100000 }, null)).toBe('nothing_below');
  });
});

describe('totalMessage', () => {
  it('gives both numbers when the total differs, with decimal commas, and what to do', () => {
    const message = totalMessage({
      status: 'differs',
      mode: 'check',
      total: { numeratorC: 3050, denominatorC: 123450 },
      below: { numeratorC: 2000, denominatorC: 100000 },
      rowsBelow: 2,
      isBare: false,
    });
    expect(message).toBe(
      'Skiljer sig från summan av filens 2 rader under: raden har 30,5 / 1234,5, raderna under 20 / 1000. Raden sparas inte. Kontrollera filen. Är raden enhetens egen siffra (personal anställd direkt på enheten) och inte en summa, välj "Spara som egen siffra" och förhandsgranska igen.',
    );
  });

  it('writes hundredths as Excel shows them', () => {
    expect([swedishHundredths(123450), swedishHundredths(123405), swedishHundredths(100), swedishHundredths(5)]).toEqual(['1234,5', '1234,05', '1', '0,05']);
  });
});
