import type { Account } from '../../shared/autoReply/accountData.ts';
import { clearDeskFailures, onDeskSettingsChanged, readDeskCaughtUpTo, readDeskSettings, readReportsFrom, readWelcomed, recordDeskActivity, rememberWelcomed, writeDeskCaughtUpTo, writeReportsFrom } from '../../shared/desk/deskStore.ts';
import type { DeskStorage } from './deskAutomation.ts';

/** The desk automation's storage: the extension's, per account on the workspace. */
export function deskStorageFor(account: Account): DeskStorage {
  return {
    read: () => readDeskSettings(account),
    onChanged: (listener) => onDeskSettingsChanged(account, listener),
    record: (entry) => recordDeskActivity(account, entry),
    clearFailures: (action) => clearDeskFailures(account, action),
    readCaughtUpTo: () => readDeskCaughtUpTo(account),
    writeCaughtUpTo: (at) => writeDeskCaughtUpTo(account, at),
    readReportsFrom: () => readReportsFrom(account),
    writeReportsFrom: (at) => writeReportsFrom(account, at),
    welcomed: { has: async (key) => (await readWelcomed(account)).has(key), remember: (key) => rememberWelcomed(account, key) },
  };
}
