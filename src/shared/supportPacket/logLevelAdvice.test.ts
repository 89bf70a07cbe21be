import { describe, expect, it } from 'vitest';
import { describeLogLevelAdvice, logLevelAdvice } from './logLevelAdvice.ts';

const withLog = (LogSettings: Record<string, unknown>) => ({ LogSettings });

describe('log level advice', () => {
  it('has nothing to say when the file log is at DEBUG', () => {
    expect(logLevelAdvice(withLog({ EnableFile: true, FileLevel: 'DEBUG' }))).toBeUndefined();
  });

  it('asks for DEBUG when the file log records less, naming where and the key', () => {
    expect(logLevelAdvice(withLog({ EnableFile: true, FileLevel: 'INFO' }))).toEqual({
      settingPath: 'Environment › Logging',
      keys: ['LogSettings.FileLevel'],
      fileLoggingEnabled: true,
      currentLevel: 'INFO',
    });
  });

  it('asks to turn file logging on when it is off, even at DEBUG, naming both keys', () => {
    expect(logLevelAdvice(withLog({ EnableFile: false, FileLevel: 'DEBUG' }))).toMatchObject({
      fileLoggingEnabled: false,
      currentLevel: 'DEBUG',
      keys: ['LogSettings.EnableFile', 'LogSettings.FileLevel'],
    });
    expect(describeLogLevelAdvice(logLevelAdvice(withLog({ EnableFile: false })) as never)).toContain('turn on file logging and set the file log level to DEBUG (LogSettings.EnableFile, LogSettings.FileLevel)');
  });

  it('advises when the configuration does not say how the server logs', () => {
    expect(logLevelAdvice({})).toMatchObject({ fileLoggingEnabled: false, currentLevel: '' });
  });

  it('says in English where to go, what to set, and to reproduce the problem first', () => {
    const advice = logLevelAdvice(withLog({ EnableFile: true, FileLevel: 'ERROR' }));
    const sentence = advice && describeLogLevelAdvice(advice);
    expect(sentence).toContain('at level ERROR');
    expect(sentence).toContain('System Console › Environment › Logging');
    expect(sentence).toContain('set the file log level to DEBUG (LogSettings.FileLevel)');
    expect(sentence).not.toContain('turn on file logging');
    expect(sentence).toMatch(/DEBUG.*reproduce the problem, then generate/);
  });
});
