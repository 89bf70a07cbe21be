import { describe, expect, it } from 'vitest';
import { parseServerVersion, predatesSeparateFiles, semverText } from './serverVersion.ts';

describe('server version', () => {
  it('reads the semantic version from the X-Version-Id header', () => {
    expect(parseServerVersion('11.4.0.11.4.0-companion.9e1d4c2072c0.false', '11.3.0')).toEqual({ major: 11, minor: 4, patch: 0 });
  });

  it('falls back to the client config when the header is missing', () => {
    const version = parseServerVersion('', '10.4.2');
    expect(version && semverText(version)).toBe('10.4.2');
  });

  it('knows nothing from nothing', () => {
    expect(parseServerVersion('', undefined)).toBeUndefined();
  });

  it.each([
    ['9.11.6', true],
    ['10.4.9', true],
    ['10.5.0', false],
    ['11.0.0', false],
  ])('counts %s as a server before 10.5: %s', (text, before) => {
    const version = parseServerVersion(text, undefined);
    expect(version && predatesSeparateFiles(version)).toBe(before);
  });
});
