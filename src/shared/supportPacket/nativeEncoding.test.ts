import { describe, expect, it } from 'vitest';
import { formatMillis, toNativeJson, toNativeYaml } from './nativeEncoding.ts';

describe('native encoding', () => {
  it('writes times as RFC 3339 with milliseconds only when there are some, as Go does', () => {
    expect(formatMillis(Date.UTC(2026, 0, 13, 16, 30))).toBe('2026-01-13T16:30:00Z');
    expect(formatMillis(Date.UTC(2026, 0, 13, 16, 30, 1, 500))).toBe('2026-01-13T16:30:01.5Z');
    expect(formatMillis(Date.UTC(2026, 0, 13, 16, 30, 1, 25))).toBe('2026-01-13T16:30:01.025Z');
    expect(formatMillis(0)).toBe('1970-01-01T00:00:00Z');
  });

  it('writes YAML lists unindented under their key and never folds long lines, like the Go encoder', () => {
    const long = 'x'.repeat(200);
    expect(toNativeYaml({ roles: [{ name: long }] })).toBe(`roles:\n- name: ${long}\n`);
  });

  it('writes JSON with four-space indentation', () => {
    expect(toNativeJson({ a: { b: 1 } })).toBe('{\n    "a": {\n        "b": 1\n    }\n}');
  });
});
