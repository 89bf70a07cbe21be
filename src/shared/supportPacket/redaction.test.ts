import { describe, expect, it } from 'vitest';
import { collectKnownPeople, createPseudonyms, knownPeople, nobodyKnown, redactEmailAddresses, redactLogLine, redactValue } from './redaction.ts';
import { seededUser, serverLog } from './testData.ts';

const redactAll = (lines: readonly string[]) => {
  const known = collectKnownPeople(lines);
  const pseudonyms = createPseudonyms();
  return lines.map((line) => redactLogLine(line, pseudonyms, known));
};

describe('pseudonyms', () => {
  it('gives the same value the same pseudonym and each new value the next number', () => {
    const pseudonyms = createPseudonyms();
    expect([pseudonyms.email('a@example.com'), pseudonyms.email('b@example.com'), pseudonyms.email('A@Example.com')]).toEqual([
      'email-1@redacted.invalid',
      'email-2@redacted.invalid',
      'email-1@redacted.invalid',
    ]);
    expect([pseudonyms.username('dana'), pseudonyms.ip('10.0.0.1'), pseudonyms.userId('k8e3w1qz5pbg7ydm4x9n2cjhar')]).toEqual(['user-1', 'ip-1', 'id-1']);
  });
});

describe('log redaction', () => {
  it('leaves none of a user’s e-mail, username, id or IP addresses in the log', () => {
    const redacted = redactAll(serverLog()).join('\n');
    for (const personal of Object.values(seededUser)) expect(redacted).not.toContain(personal);
    expect(redacted).not.toContain('10.0.4.12');
  });

  it('maps the same e-mail address to the same pseudonym on different lines', () => {
    const [, , , login, mailFailure] = redactAll(serverLog());
    expect(login).toContain('"email":"email-1@redacted.invalid"');
    expect(mailFailure).toContain('Failed to send email to email-1@redacted.invalid');
  });

  it('redacts a username or id wherever it stands once a user field named it, even on earlier lines', () => {
    const lines = ['dana.scully opened channel town-square', `{"msg":"login","user_id":"${seededUser.id}","username":"dana.scully"}`, `GET /api/v4/users/${seededUser.id}`];
    expect(redactAll(lines)).toEqual(['user-1 opened channel town-square', '{"msg":"login","user_id":"id-1","username":"user-1"}', 'GET /api/v4/users/id-1']);
  });

  it('redacts user fields in key=value logs and inside escaped JSON', () => {
    const pseudonyms = createPseudonyms();
    expect(redactLogLine(`user_id=${seededUser.id} username=dana.scully`, pseudonyms, nobodyKnown)).toBe('user_id=id-1 username=user-1');
    expect(redactLogLine(`"payload":"{\\"userId\\":\\"${seededUser.id}\\"}"`, pseudonyms, nobodyKnown)).toBe('"payload":"{\\"userId\\":\\"id-1\\"}"');
  });

  it('leaves 26-character ids alone unless they are known users or stand in a user field', () => {
    const pseudonyms = createPseudonyms();
    const line = `{"request_id":"7f3qk9w1zbd8xjm5c2n4ye6tra","channel_id":"c4n7q2x9m1k5w8z3b6v0t4r2ya","user_id":"${seededUser.id}"}`;
    expect(redactLogLine(line, pseudonyms, nobodyKnown)).toBe('{"request_id":"7f3qk9w1zbd8xjm5c2n4ye6tra","channel_id":"c4n7q2x9m1k5w8z3b6v0t4r2ya","user_id":"id-1"}');
    expect(redactLogLine('post by c4n7q2x9m1k5w8z3b6v0t4r2ya', pseudonyms, knownPeople(['c4n7q2x9m1k5w8z3b6v0t4r2ya'], []))).toBe('post by id-2');
  });

  it('does not take a log level or null in a user field for a username', () => {
    const known = collectKnownPeople(['{"username":null}', '{"level":"info","user_name":"info"}']);
    expect([...known.usernames]).toEqual([]);
    expect(redactLogLine('{"level":"info","msg":"ok"}', createPseudonyms(), known)).toBe('{"level":"info","msg":"ok"}');
  });

  it('redacts whole usernames only, not words that contain them', () => {
    const known = knownPeople([], ['ann']);
    expect(redactLogLine('ann saw the annual report, @ann agreed; joanne and ann.lee did not', createPseudonyms(), known)).toBe(
      'user-1 saw the annual report, @user-1 agreed; joanne and ann.lee did not',
    );
  });

  it('finds a known person before dots that end a word or stand two in a row, and a username in any case', () => {
    const known = knownPeople(['c4n7q2x9m1k5w8z3b6v0t4r2ya'], ['bob', 'bob.smith']);
    expect(redactLogLine('Bob. then bob..net, bob.smith, bob.jones, bob-x, x.bob, C4N7Q2X9M1K5W8Z3B6V0T4R2YA c4n7q2x9m1k5w8z3b6v0t4r2ya.', createPseudonyms(), known)).toBe(
      'user-1. then user-1..net, user-2, bob.jones, bob-x, x.bob, C4N7Q2X9M1K5W8Z3B6V0T4R2YA id-1.',
    );
  });

  it.each([
    ['IPv4', 'connect to 192.168.1.20:5432 failed', 'connect to ip-1:5432 failed'],
    ['IPv6 in brackets', 'peer [2001:db8::7]:443', 'peer [ip-1]:443'],
    ['full IPv6', 'from 2a02:1210:5c0b:6f00:8d2c:3e9b:a1f4:7c21.', 'from ip-1.'],
    ['IPv4-mapped IPv6', 'from ::ffff:198.51.100.7', 'from ip-1'],
  ])('redacts an %s address', (_, line, redacted) => {
    expect(redactLogLine(line, createPseudonyms(), nobodyKnown)).toBe(redacted);
  });

  it.each([
    ['loopback and unspecified addresses', 'listening on 127.0.0.1:8065 and [::1]:8065, bound to 0.0.0.0 and ::'],
    ['clock times', '{"timestamp":"2026-01-13 16:33:20.123 Z","at":"T16:33:20Z"}'],
    ['version numbers', 'version 11.4.0.11.4.0-companion, Chrome/140.0.0.0, go1.24.6'],
    ['MAC addresses', 'interface 00:1a:2b:3c:4d:5e up'],
    ['code positions', 'caller=web/handlers.go:187'],
  ])('keeps %s', (_, line) => {
    expect(redactLogLine(line, createPseudonyms(), nobodyKnown)).toBe(line);
  });

  it('redacts 200,000 lines, all of them', { timeout: 60_000 }, () => {
    const lines = Array.from({ length: 200_000 }, (_, index) => {
      const person = Math.floor(index / 2) % 1_000;
      const id = `u${String(person).padStart(25, '0')}`;
      return index % 2 === 0
        ? `{"level":"debug","msg":"request","user_id":"${id}","username":"member${person}","ip_addr":"10.1.${person % 250}.7"}`
        : `{"level":"info","msg":"member${person} (member${person}@example.com) posted","caller":"app/post.go:${index % 900}"}`;
    });
    const redacted = redactAll(lines);
    expect(redacted).toHaveLength(200_000);
    expect(redacted.some((line) => /member\d|10\.1\.|u0{10}/.test(line))).toBe(false);
    expect(redacted.slice(0, 2)).toEqual([
      '{"level":"debug","msg":"request","user_id":"id-1","username":"user-1","ip_addr":"ip-1"}',
      '{"level":"info","msg":"user-1 (email-1@redacted.invalid) posted","caller":"app/post.go:1"}',
    ]);
  });
});

describe('value redaction', () => {
  it('can redact only the e-mail addresses of a value, as for the configuration', () => {
    const pseudonyms = createPseudonyms();
    expect(redactLogLine(`mail to ${seededUser.email}`, pseudonyms, nobodyKnown)).toBe('mail to email-1@redacted.invalid');
    expect(redactEmailAddresses({ SMTPUsername: seededUser.email, SMTPServer: '10.0.0.25', Contacts: ['Dana <dana.scully@fbi.example.com>'] }, pseudonyms)).toEqual({
      SMTPUsername: 'email-1@redacted.invalid',
      SMTPServer: '10.0.0.25',
      Contacts: ['Dana <email-1@redacted.invalid>'],
    });
  });

  it('redacts every string deep in a value and the values of user fields', () => {
    const value = { reporter: { userId: seededUser.id, username: 'dana.scully' }, notes: [`mail ${seededUser.email} from ${seededUser.ip}`], count: 2 };
    expect(redactValue(value, createPseudonyms(), nobodyKnown)).toEqual({
      reporter: { userId: 'id-1', username: 'user-1' },
      notes: ['mail email-1@redacted.invalid from ip-1'],
      count: 2,
    });
  });
});
