import { hash, hashSync, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (19 MiB, t=2, p=1: OWASP's recommended minimum).
// Algorithm.Argon2id is a const enum, which isolated modules cannot read: its value is 2.
const OPTIONS = { algorithm: 2 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);
export const hashPasswordSync = (password: string): string => hashSync(password, OPTIONS);

// Verified against when the username is unknown, so that a wrong username takes as long as a
// wrong password and does not tell which accounts exist.
const DUMMY_HASH = hashSync('no such user: a password nobody has', OPTIONS);

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  try {
    const ok = await verify(passwordHash ?? DUMMY_HASH, password);
    return passwordHash !== null && ok;
  } catch {
    return false;
  }
}
