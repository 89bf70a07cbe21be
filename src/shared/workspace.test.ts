import { describe, expect, it } from 'vitest';
import {
  candidateBasePaths,
  findWorkspaceForUrl,
  isWebUrl,
  parseWorkspace,
  workspaceContainsUrl,
  workspaceLabel,
  workspaceMatchPattern,
  workspaceUrl,
} from './workspace.ts';

const rootInstall = { origin: 'https://chat.example.com', basePath: '' };
const subpathInstall = { origin: 'https://example.com', basePath: '/mattermost' };
const portInstall = { origin: 'http://127.0.0.1:8065', basePath: '' };

describe('workspace addresses', () => {
  it('builds the server URL from origin and subpath', () => {
    expect(workspaceUrl(rootInstall)).toBe('https://chat.example.com');
    expect(workspaceUrl(subpathInstall)).toBe('https://example.com/mattermost');
  });

  it('names a workspace by host, port and subpath', () => {
    expect(workspaceLabel(portInstall)).toBe('127.0.0.1:8065');
    expect(workspaceLabel(subpathInstall)).toBe('example.com/mattermost');
  });

  it('leaves the port out of the match pattern and keeps the subpath', () => {
    expect(workspaceMatchPattern(portInstall)).toBe('http://127.0.0.1/*');
    expect(workspaceMatchPattern(subpathInstall)).toBe('https://example.com/mattermost/*');
  });

  it('accepts only http and https pages', () => {
    expect(isWebUrl('https://chat.example.com/team')).toBe(true);
    expect(isWebUrl('chrome://extensions')).toBe(false);
    expect(isWebUrl('not a url')).toBe(false);
    expect(isWebUrl(undefined)).toBe(false);
  });
});

describe('which pages belong to a workspace', () => {
  it('requires the exact origin, port included', () => {
    expect(workspaceContainsUrl(portInstall, 'http://127.0.0.1:8065/team/messages/@bob')).toBe(true);
    expect(workspaceContainsUrl(portInstall, 'http://127.0.0.1:9000/team/messages/@bob')).toBe(false);
  });

  it('requires the subpath as a whole path segment', () => {
    expect(workspaceContainsUrl(subpathInstall, 'https://example.com/mattermost/team')).toBe(true);
    expect(workspaceContainsUrl(subpathInstall, 'https://example.com/mattermost')).toBe(true);
    expect(workspaceContainsUrl(subpathInstall, 'https://example.com/mattermost-old/team')).toBe(false);
    expect(workspaceContainsUrl(subpathInstall, 'https://example.com/')).toBe(false);
  });

  it('prefers the longest subpath when two installs share an origin', () => {
    const rootOfSameHost = { origin: 'https://example.com', basePath: '' };
    expect(findWorkspaceForUrl([rootOfSameHost, subpathInstall], 'https://example.com/mattermost/x')).toBe(subpathInstall);
    expect(findWorkspaceForUrl([rootOfSameHost, subpathInstall], 'https://example.com/other')).toBe(rootOfSameHost);
  });

  it('finds nothing for pages outside every workspace', () => {
    expect(findWorkspaceForUrl([rootInstall], 'https://elsewhere.example.com/')).toBeUndefined();
    expect(findWorkspaceForUrl([rootInstall], 'chrome://newtab')).toBeUndefined();
  });
});

describe('looking for a subpath install', () => {
  it('tries the root first, then each leading path segment', () => {
    expect(candidateBasePaths('/team/messages/@bob')).toEqual(['', '/team', '/team/messages', '/team/messages/@bob']);
  });

  it('tries only the root for the root page', () => {
    expect(candidateBasePaths('/')).toEqual(['']);
  });

  it('stops after a few segments', () => {
    expect(candidateBasePaths('/a/b/c/d/e')).toEqual(['', '/a', '/a/b', '/a/b/c']);
  });
});

describe('reading stored workspaces', () => {
  it('keeps well-formed entries', () => {
    expect(parseWorkspace(subpathInstall)).toEqual(subpathInstall);
    expect(parseWorkspace(portInstall)).toEqual(portInstall);
  });

  it('rejects entries that are not a bare origin and a clean path', () => {
    expect(parseWorkspace({ origin: 'https://example.com/', basePath: '' })).toBeUndefined();
    expect(parseWorkspace({ origin: 'ftp://example.com', basePath: '' })).toBeUndefined();
    expect(parseWorkspace({ origin: 'https://example.com', basePath: 'mattermost' })).toBeUndefined();
    expect(parseWorkspace({ origin: 'https://example.com', basePath: '/a/' })).toBeUndefined();
    expect(parseWorkspace({ origin: 42, basePath: '' })).toBeUndefined();
    expect(parseWorkspace(null)).toBeUndefined();
  });
});
