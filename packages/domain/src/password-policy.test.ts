import { describe, expect, it } from 'vitest';
import { passwordProblem, PASSWORD_MIN_LENGTH } from './password-policy.js';
import { passwordSchema, userCreateSchema } from './people.js';

describe('the password policy', () => {
  it('asks for twelve characters or more', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect(passwordProblem('elva tecken')).toMatch(/minst tolv tecken/);
    expect(passwordProblem('tolv tecken!')).toBeNull();
  });

  it.each([
    'password1234',
    'Lösenord1234',
    'Sommar2024!!',
    'Välkommen123',
    'tillit-demo1',
    'qwertyuiop12',
    '123456789012',
    'abcdefghijkl',
    'aaaaaaaaaaaa',
    'abababababab',
    'passwordpassword',
    'LÖSENORD LÖSENORD',
  ])('refuses the common or easily guessed %s', (password) => {
    expect(passwordProblem(password)).toMatch(/för vanligt eller lätt att gissa/);
  });

  it('accepts a few words in a row, and a long random string', () => {
    expect(passwordProblem('korv med bröd i regnet')).toBeNull();
    expect(passwordProblem('t8#Kq2!vPz0w')).toBeNull();
  });

  it('refuses a password that contains the user name, whatever the case', () => {
    expect(passwordProblem('Anna.Andersson-2024', 'anna.andersson')).toMatch(/användarnamnet/);
    expect(passwordProblem('korv med bröd i regnet', 'anna.andersson')).toBeNull();
  });

  it('is what the account schemas apply, naming the password field', () => {
    expect(passwordSchema.safeParse('Sommar2024!!').success).toBe(false);
    const created = userCreateSchema.safeParse({ username: 'bertil', displayName: 'B', role: 'politician', password: 'bertil är bäst 2024' });
    expect(created.success).toBe(false);
    expect(created.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['password', 'Lösenordet får inte innehålla användarnamnet.'],
    ]);
  });
});
