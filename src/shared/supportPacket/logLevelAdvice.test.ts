import { describe, expect, it } from 'vitest';
import { describeLogLevelAdvice, logLevelAdvice } from './logLevelAdvice.ts';

const withLog = (LogSettings: Record<string, unknown>) => ({ LogSettings });

describe('log level advice', () => {
  it('has nothing to say when the file log is at DEBUG', () => {
    expect(logLevelAdvice(withLog({ EnableFile: true, FileLevel: 'DEBUG' }))).toBeUndefined();
  });

  it('asks for DEBUG when the file log records less, naming where and which keys', () => {
    expect(logLevelAdvice(withLog({ EnableFile: true, FileLevel: 'INFO' }))).toEqual({
      settingPath: 'Environment › Logging',
      keys: ['LogSettings.EnableFile', 'LogSettings.FileLevel'],
      fileLoggingEnabled: true,
      currentLevel: 'INFO',
    });
  });

  it('asks to turn file logging on when it is off, even at DEBUG', () => {
    expect(logLevelAdvice(withLog({ EnableFile: false, FileLevel: 'DEBUG' }))).toMatchObject({ fileLoggingEnabled: false, currentLevel: 'DEBUG' });
  });

  it('advises when the configuration does not say how the server logs', () => {
    expect(logLevelAdvice({})).toMatchObject({ fileLoggingEnabled: false, currentLevel: '' });
  });

  it('says in English where to go, what to set, and to reproduce the problem first', () => {
    const advice = logLevelAdvice(withLog({ EnableFile: true, FileLevel: 'ERROR' }));
    const sentence = advice && describeLogLevelAdvice(advice);
    expect(sentence).toContain('at level ERROR');
    expect(sentence).toContain('System Console › Environment › Logging');
    expect(sentence).toContain('LogSettings.EnableFile, LogSettings.FileLevel');
    expect(sentence).toMatch(/DEBUG.*reproduce the problem, then generate/);
  });
});
