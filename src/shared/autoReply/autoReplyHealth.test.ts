import { describe, expect, it } from 'vitest';
import { badgeFor, decideAutoReplyHealth, healthAction, type AutoReplyFacts } from './autoReplyHealth.ts';

const now = Date.parse('2026-11-27T10:00:00Z');
const answering: AutoReplyFacts = {
  now,
  account: { state: 'signed-in', userId: 'alice-id', username: 'alice' },
  settings: { enabled: true, schedule: { kind: 'always' } },
  settingsProblems: [],
  nativeResponderActive: false,
  socket: { state: 'connected', since: now - 60_000 },
  leadership: 'this-tab',
};
const health = (patch: Partial<AutoReplyFacts>) => decideAutoReplyHealth({ ...answering, ...patch });

describe('auto-reply health', () => {
  it('is answering only when switched on, in schedule, signed in, watching a connected socket and leading', () => {
    expect(health({})).toEqual({ state: 'answering', where: 'this-tab' });
    expect(badgeFor(health({}))).toBe('on');
  });

  it('is answering from another tab whatever this tab sees, since only a watching tab leads', () => {
    expect(health({ leadership: 'other-tab', socket: { state: 'never-seen' } })).toEqual({ state: 'answering', where: 'other-tab' });
  });

  it('asks for a reload when the tab never saw the webapp’s socket', () => {
    const state = health({ socket: { state: 'never-seen' }, leadership: 'none' });
    expect(state).toEqual({ state: 'not-watching' });
    expect(healthAction(state)).toBe('reload-tab');
    expect(badgeFor(state)).toBe('warning');
  });

  it('says since when it is reconnecting', () => {
    const state = health({ socket: { state: 'down', since: now - 5_000 } });
    expect(state).toEqual({ state: 'reconnecting', since: now - 5_000 });
    expect(badgeFor(state)).toBe('warning');
  });

  it('asks to sign in when the tab is signed out and warns only if auto-reply was on', () => {
    const state = health({ account: { state: 'signed-out' } });
    expect(state).toEqual({ state: 'signed-out', switchedOn: true });
    expect(healthAction(state)).toBe('sign-in');
    expect(badgeFor(state)).toBe('warning');
    expect(badgeFor(health({ account: { state: 'signed-out' }, settings: { enabled: false, schedule: { kind: 'always' } } }))).toBe('none');
  });

  it('says the server could not be asked who is signed in, with a reload as the fix', () => {
    const state = health({ account: { state: 'unreachable', since: now - 1_000, problem: 'HTTP 502' }, settings: undefined });
    expect(state).toEqual({ state: 'account-unreachable', since: now - 1_000, problem: 'HTTP 502', switchedOn: false });
    expect(healthAction(state)).toBe('reload-tab');
    expect(badgeFor(state)).toBe('none');
  });

  it('is checking while the account or its settings are not known yet', () => {
    expect(health({ account: { state: 'checking' } })).toEqual({ state: 'checking' });
    expect(health({ settings: undefined })).toEqual({ state: 'checking' });
  });

  it('is off when switched off, whatever else holds', () => {
    const state = health({ settings: { enabled: false, schedule: { kind: 'always' } }, socket: { state: 'never-seen' } });
    expect(state).toEqual({ state: 'off' });
    expect(badgeFor(state)).toBe('none');
    expect(healthAction(state)).toBeUndefined();
  });

  it('is outside its schedule after an "until" time, by the server’s clock', () => {
    expect(health({ settings: { enabled: true, schedule: { kind: 'until', until: now - 1 } } })).toEqual({ state: 'outside-schedule' });
    expect(health({ settings: { enabled: true, schedule: { kind: 'until', until: now + 60_000 } } }).state).toBe('answering');
  });

  it('leaves the answering to Mattermost’s own responder', () => {
    const state = health({ nativeResponderActive: true });
    expect(state).toEqual({ state: 'native-responder' });
    expect(badgeFor(state)).toBe('none');
  });

  it('reports refused stored settings', () => {
    const state = health({ settingsProblems: [{ path: 'message', code: 'needs-message' }] });
    expect(state).toEqual({ state: 'settings-invalid', problems: [{ path: 'message', code: 'needs-message' }] });
    expect(badgeFor(state)).toBe('warning');
  });

  it('is starting while a watching tab waits for the lock nobody holds', () => {
    const state = health({ leadership: 'none' });
    expect(state).toEqual({ state: 'starting' });
    expect(badgeFor(state)).toBe('none');
  });

  it('reports failing requests with the time they started failing', () => {
    const state = health({ serverProblem: { since: now - 30_000, message: 'No answer from the server' } });
    expect(state).toEqual({ state: 'server-problem', since: now - 30_000, message: 'No answer from the server' });
    expect(badgeFor(state)).toBe('warning');
  });
});
