import argon2 from 'argon2';
import { invalid } from '../../errors.js';

/** Same bounds as the contract's passwordSchema, checked again for callers that are not HTTP (CLI, demo loader). */
export const passwordMinLength = 10;
const passwordMaxLength = 200;

export function checkPasswordPolicy(password: string, field = 'password') {
  if (password.length < passwordMinLength) throw invalid([{ field, code: 'passwordTooShort' }]);
  if (password.length > passwordMaxLength) {
    throw invalid([{ field, code: 'tooLong', params: { max: passwordMaxLength } }]);
  }
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    // A malformed stored hash is a failed check, not a crash.
    return false;
  }
}

export function passwordNeedsRehash(hash: string): boolean {
  try {
    return argon2.needsRehash(hash);
  } catch {
    return false;
  }
}

let decoy: Promise<string> | undefined;

/**
 * Spends the time of one verification when there is no hash to check (unknown e-mail, account without password),
 * so that the answer's timing does not tell whether an account exists. Always false.
 */
export async function verifyNothing(password: string): Promise<false> {
  decoy ??= hashPassword('alliances-decoy-password');
  await verifyPassword(await decoy, password);
  return false;
}
