import { describe, expect, it } from 'vitest';
import { choicesFor, initialChoice } from './accountChoice.ts';

const chat = { origin: 'https://chat.example.com', basePath: '' };
const team = { origin: 'https://chat.example.com', basePath: '/team' };

const choices = choicesFor([
  { workspace: chat, known: [{ account: { workspace: chat, userId: 'u2' }, username: 'zoe' }, { account: { workspace: chat, userId: 'u1' }, username: 'alice' }] },
  { workspace: team, known: [{ account: { workspace: team, userId: 'u3' }, username: undefined }] },
]);

describe('the account picker', () => {
  it('lists workspaces in order and their accounts by name', () => {
    expect(choices.map((choice) => choice.username ?? choice.account.userId)).toEqual(['alice', 'zoe', 'u3']);
  });

  it('opens on the account in the address', () => {
    expect(initialChoice(choices, '?workspace=https%3A%2F%2Fchat.example.com%2Fteam&account=u3')?.account.userId).toBe('u3');
    expect(initialChoice(choices, '?workspace=https%3A%2F%2Fchat.example.com&account=u2')?.username).toBe('zoe');
  });

  it('opens on the first account when the address names none it knows', () => {
    expect(initialChoice(choices, '')?.username).toBe('alice');
    expect(initialChoice(choices, '?workspace=https%3A%2F%2Fother.example.com&account=u1')?.username).toBe('alice');
    expect(initialChoice([], '')).toBeUndefined();
  });
});
