import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import type { PacketHistoryEntry } from '../shared/supportPacketHistory.ts';
import { onPacketHistoryChanged, readPacketHistory } from '../shared/supportPacketJob.ts';
import type { Workspace } from '../shared/workspace.ts';

const formatWhen = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const formatSize = new Intl.NumberFormat(undefined, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 });

/** The support packets generated on the workspace from the popup, newest first, with what each left out. */
export function PacketHistory({ workspace }: { workspace: Workspace }) {
  const [history, setHistory] = useState<PacketHistoryEntry[]>([]);
  useEffect(() => {
    const load = () => void readPacketHistory(workspace).then(setHistory);
    load();
    return onPacketHistoryChanged(workspace, load);
  }, [workspace.origin, workspace.basePath]);

  return (
    <section class="card" aria-labelledby="packets-heading">
      <h2 id="packets-heading">{t('packetHistoryHeading')}</h2>
      {history.length === 0 ? (
        <p class="empty">{t('packetHistoryNone')}</p>
      ) : (
        <table class="packet-history">
          <caption class="visually-hidden">{t('packetHistoryHeading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('packetHistoryWhen')}</th>
              <th scope="col">{t('packetHistoryOutcome')}</th>
              <th scope="col">{t('packetHistoryFile')}</th>
              <th scope="col">{t('packetHistoryNotes')}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((entry) => (
              <tr key={entry.startedAt}>
                <td>
                  <time dateTime={new Date(entry.finishedAt).toISOString()}>{formatWhen.format(entry.finishedAt)}</time>
                </td>
                <td>{describeOutcome(entry)}</td>
                <td>{entry.fileName ? `${entry.fileName} (${formatSize.format((entry.sizeBytes ?? 0) / 1024)})` : '—'}</td>
                <td>{entry.notes.length > 0 ? entry.notes.join('; ') : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function describeOutcome(entry: PacketHistoryEntry): string {
  switch (entry.outcome) {
    case 'ready':
      return t(entry.redactPersonalData ? 'packetHistoryReadyRedacted' : 'packetHistoryReady');
    case 'saved':
      return t(entry.redactPersonalData ? 'packetHistorySavedRedacted' : 'packetHistorySaved');
    case 'failed':
      return t('packetHistoryFailed');
    case 'cancelled':
      return t('packetHistoryCancelled');
  }
}
