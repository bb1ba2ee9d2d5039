import { describe, expect, it } from 'vitest';
import type { UserRole } from '../../auth/roles.js';
import type { CurrentUser } from '../accounts/service.js';
import { canChangeContact, canLogContact, readLevel } from './visibility.js';

const user = (role: UserRole, actorId: string | null = null, id = `${role}-id`): CurrentUser => ({
  id,
  email: `${role}@test.local`,
  displayName: role,
  role,
  actorId,
  locale: 'fr',
});

describe('contact visibility', () => {
  const partners = ['duc', 'pellenc'];

  it('gives staff everything, observers the summary, the public nothing', () => {
    expect(readLevel(user('admin'), 'x', [])).toBe('full');
    expect(readLevel(user('animator'), 'x', [])).toBe('full');
    expect(readLevel(user('observer'), 'x', partners)).toBe('summary');
    expect(readLevel(null, 'x', partners)).toBeNull();
  });

  it('gives a member its own organisation’s contacts and its partnerships’ contacts, nothing else', () => {
    expect(readLevel(user('member', 'pellenc'), 'pellenc', [])).toBe('full');
    expect(readLevel(user('member', 'duc'), 'pellenc', partners)).toBe('full');
    expect(readLevel(user('member', 'duc'), 'pellenc', [])).toBeNull();
    expect(readLevel(user('member', 'proxidom'), 'pellenc', partners)).toBeNull();
    expect(readLevel(user('member', null), 'pellenc', partners)).toBeNull();
  });

  it('lets staff log with anyone, a member with its own organisation or a partner of its partnership', () => {
    expect(canLogContact(user('animator'), 'x', [])).toBe(true);
    expect(canLogContact(user('member', 'duc'), 'duc', [])).toBe(true);
    expect(canLogContact(user('member', 'duc'), 'pellenc', partners)).toBe(true);
    expect(canLogContact(user('member', 'duc'), 'pellenc', [])).toBe(false);
    expect(canLogContact(user('observer'), 'x', partners)).toBe(false);
    expect(canLogContact(null, 'x', [])).toBe(false);
  });

  it('lets the author and staff change a contact, never an observer', () => {
    expect(canChangeContact(user('admin'), null)).toBe(true);
    expect(canChangeContact(user('member', 'duc', 'me'), 'me')).toBe(true);
    expect(canChangeContact(user('member', 'duc', 'me'), 'someone')).toBe(false);
    expect(canChangeContact(user('member', 'duc', 'me'), null)).toBe(false);
    expect(canChangeContact(user('observer', null, 'me'), 'me')).toBe(false);
    expect(canChangeContact(null, 'me')).toBe(false);
  });
});
