/**
 * What a password must be, for accounts made in the product, reset by the development manager,
 * or made with `npm run user:create`: long enough, not one of the passwords guessed first, and
 * not the user name. Length matters most (NIST SP 800-63B): no rules about kinds of characters.
 * The demo accounts' shared password is seeded directly and is not held to this.
 */

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

export const PASSWORD_MESSAGES = {
  tooShort: `Lösenordet behöver minst tolv tecken.`,
  tooLong: `Lösenordet får vara högst ${PASSWORD_MAX_LENGTH} tecken.`,
  common: 'Lösenordet är för vanligt eller lätt att gissa: välj något längre och mer eget, gärna några ord i följd.',
  containsUsername: 'Lösenordet får inte innehålla användarnamnet.',
} as const;

// Words that the common passwords are made of, once digits, spaces and signs are taken away
// ("Sommar2024!", "Lösenord123", "Password1!"): Swedish and English, seasons, greetings, the
// product and its demo, and the keyboard's rows.
const COMMON_WORDS = new Set([
  'password', 'passw', 'pass', 'passwd', 'lösenord', 'losenord', 'lösen', 'losen', 'hemligt', 'hemlig', 'secret',
  'admin', 'administrator', 'administratör', 'root', 'user', 'användare', 'guest', 'gäst', 'test', 'demo',
  'welcome', 'välkommen', 'valkommen', 'hello', 'hej', 'hejsan', 'hejhej', 'login', 'logga', 'loggain',
  'letmein', 'changeme', 'default', 'master', 'iloveyou', 'jagälskardig', 'princess', 'sunshine', 'football',
  'fotboll', 'monkey', 'dragon', 'superman', 'batman', 'starwars', 'trustno', 'shadow', 'qazwsx',
  'sommar', 'vinter', 'våren', 'varen', 'vår', 'hösten', 'höst', 'summer', 'winter', 'spring', 'autumn',
  'januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober',
  'november', 'december', 'måndag', 'fredag', 'sverige', 'sweden', 'stockholm', 'göteborg', 'malmö', 'jönköping',
  'kommun', 'kommunen', 'region', 'regionen', 'socialtjänst', 'socialtjänsten', 'förvaltning', 'förvaltningen',
  'tillit', 'tillitdemo', 'tillitsbaserad', 'enhetschef', 'utvecklingschef', 'politiker', 'chef',
  'qwerty', 'qwertz', 'azerty', 'asdf', 'asdfgh', 'asdfghjkl', 'zxcvbnm', 'qwertyuiop', 'abc', 'abcd', 'abcdef',
]);

// Runs a person types without thinking: along the digits, the alphabet and the keyboard's rows.
const SEQUENCES = [
  '01234567890123456789',
  'abcdefghijklmnopqrstuvwxyzåäö',
  'qwertyuiopåasdfghjklöäzxcvbnm',
  '1q2w3e4r5t6y7u8i9o0p',
  'qazwsxedcrfvtgbyhnujmikolp',
];

function isCommon(password: string): boolean {
  const lower = password.normalize('NFC').toLowerCase();
  // Nearly one character (aaaa…, abab…), or a run along the keyboard or the alphabet.
  if (new Set(lower).size <= 2) return true;
  if (SEQUENCES.some((s) => s.includes(lower) || [...s].reverse().join('').includes(lower))) return true;
  // A common word, repeated or not, with digits, spaces or signs around it.
  const letters = lower.replace(/[^\p{L}]/gu, '');
  if (letters.length === 0) return false;
  for (const word of COMMON_WORDS) {
    if (letters.length % word.length === 0 && word.repeat(letters.length / word.length) === letters) return true;
  }
  return false;
}

/** The first thing wrong with a password, as a message for the person choosing it; null when it will do. */
export function passwordProblem(password: string, username?: string): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return PASSWORD_MESSAGES.tooShort;
  if (password.length > PASSWORD_MAX_LENGTH) return PASSWORD_MESSAGES.tooLong;
  if (username !== undefined && containsUsername(password, username)) return PASSWORD_MESSAGES.containsUsername;
  if (isCommon(password)) return PASSWORD_MESSAGES.common;
  return null;
}

/** Whether the password holds the user name (three characters or more), whatever the case. */
export function containsUsername(password: string, username: string): boolean {
  const name = username.trim().normalize('NFC').toLowerCase();
  return name.length >= 3 && password.normalize('NFC').toLowerCase().includes(name);
}
