import { t } from '../../shared/i18n.ts';
import type { PacketJobState } from '../../shared/supportPacketJob.ts';

const formatSize = (bytes: number) => {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
};

/** The files and sizes of a finished packet, and what could not be collected. */
export function PacketPreview({ job, onSave }: { job: Extract<PacketJobState, { state: 'ready' | 'saved' }>; onSave?: () => void }) {
  // A state saved by an earlier version does not tell failures apart: all of it is shown as failed.
  const failures = job.failures ?? job.warnings;
  const limits = job.warnings.filter((warning) => !failures.includes(warning));
  return (
    <div class="packet-preview">
      {onSave && (
        <p role="status" class="help">
          {t('packetReady', [formatSize(job.sizeBytes), String(job.files.length)])}
        </p>
      )}
      {job.metadataProblem && (
        <p role="alert" class="packet-metadata-problem">
          {t('packetMetadataProblem', [job.metadataProblem])}
        </p>
      )}
      {onSave && (
        <button type="button" class="primary" onClick={onSave}>
          {t('packetSave')}
        </button>
      )}
      <details>
        <summary>{t('packetFilesSummary', [String(job.files.length)])}</summary>
        <div class="file-list">
          <table>
            <caption class="visually-hidden">{t('packetFilesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('packetFileColumn')}</th>
                <th scope="col">{t('packetSizeColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {job.files.map((file) => (
                <tr key={file.path}>
                  <td>{file.path}</td>
                  <td>{formatSize(file.sizeBytes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      {/* Sources that failed this time are listed in full; the rest of what is left out is folded, with its count. */}
      {failures.length > 0 && (
        <>
          <h3>{t('packetMissingHeading')}</h3>
          <ul class="packet-warnings problem">
            {failures.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </>
      )}
      {limits.length > 0 && (
        <details>
          <summary>{t('packetLimitsSummary', [String(limits.length)])}</summary>
          <ul class="packet-warnings">
            {limits.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
