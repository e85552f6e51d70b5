import { describe, expect, it } from 'vitest';
import { userCreateInput } from './user-create-input.js';

describe('npm run user:create: what it takes', () => {
  const args = { username: 'anna', name: 'Anna Andersson', role: 'development_manager', unit: [] };

  it('makes an account of good arguments and a good password', () => {
    expect(userCreateInput(args, 'korv med bröd i regnet')).toMatchObject({ username: 'anna', displayName: 'Anna Andersson' });
  });

  it.each([
    ['elva tecken', /password: Lösenordet behöver minst tolv tecken/],
    ['Sommar2024!!', /password: Lösenordet är för vanligt/],
    ['anna-2024-anna', /password: Lösenordet får inte innehålla användarnamnet/],
    ['tillit-demo', /password: Lösenordet behöver minst tolv tecken/],
  ])('refuses the password %s with the policy’s reason', (password, says) => {
    expect(() => userCreateInput(args, password)).toThrow(says);
  });
});
