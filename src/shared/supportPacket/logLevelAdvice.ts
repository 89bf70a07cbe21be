import { objectAt, textAt } from './jsonValues.ts';

/**
 * Whether the server's file log will be useful in a packet. The packet can
 * only carry what the server wrote to its log file, so a problem should be
 * reproduced with file logging on at DEBUG before the packet is generated.
 * Structured, because the popup translates it.
 */
export interface LogLevelAdvice {
  /** Where the settings are, under the System Console. */
  readonly settingPath: string;
  /** The configuration keys to change. */
  readonly keys: readonly string[];
  readonly fileLoggingEnabled: boolean;
  /** `LogSettings.FileLevel` as configured; empty when the configuration does not say. */
  readonly currentLevel: string;
}

/** Advice when the file log is off or not at DEBUG; undefined when it already records everything useful. */
export function logLevelAdvice(config: Readonly<Record<string, unknown>>): LogLevelAdvice | undefined {
  const logSettings = objectAt(config, 'LogSettings');
  const fileLoggingEnabled = logSettings?.EnableFile === true;
  const currentLevel = textAt(logSettings, 'FileLevel') ?? '';
  if (fileLoggingEnabled && currentLevel.toUpperCase() === 'DEBUG') return undefined;
  // With the file log on, its level is all there is to change.
  const keys = fileLoggingEnabled ? ['LogSettings.FileLevel'] : ['LogSettings.EnableFile', 'LogSettings.FileLevel'];
  return { settingPath: 'Environment › Logging', keys, fileLoggingEnabled, currentLevel };
}

/** The advice in English, for the packet's companion/log_level_advice.txt. */
export function describeLogLevelAdvice(advice: LogLevelAdvice): string {
  const now = advice.fileLoggingEnabled
    ? `The server writes its log file at level ${advice.currentLevel || 'unknown'}, which leaves out the details support needs.`
    : 'The server writes no log file, so the packet has no server log.';
  return (
    `${now} In the System Console › ${advice.settingPath}, ${advice.fileLoggingEnabled ? '' : 'turn on file logging and '}set the file log level to DEBUG ` +
    `(${advice.keys.join(', ')}), reproduce the problem, then generate the support packet again. ` +
    'Afterwards, set the level back: DEBUG logs grow quickly.'
  );
}
