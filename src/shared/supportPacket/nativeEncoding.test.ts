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

  it.each(['2026-01-13T15:30:00Z', '2026-01-13', 'yes', 'on', 'y', 'N', 'off', 'null', '~', '123', '0x1F', '1_000', '12:30', '.inf', '1e3'])(
    'quotes %s, which a YAML 1.1 reader would not read as a string',
    (text) => {
      expect(toNativeYaml({ value: text })).toBe(`value: "${text}"\n`);
    },
  );

  it('writes booleans, numbers, null and empty maps as the Go encoder does', () => {
    expect(toNativeYaml({ flag: true, count: 3, missing: null, data: {}, plain: 'success' })).toBe('flag: true\ncount: 3\nmissing: null\ndata: {}\nplain: success\n');
  });

  it('writes JSON with four-space indentation', () => {
    expect(toNativeJson({ a: { b: 1 } })).toBe('{\n    "a": {\n        "b": 1\n    }\n}');
  });
});
