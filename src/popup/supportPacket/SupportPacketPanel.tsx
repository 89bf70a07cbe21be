import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../shared/i18n.ts';
import type { SupportPacketAvailability } from '../../shared/messages.ts';
import { sendToBackground, sendToTab } from '../../shared/messaging.ts';
import { isReadableError, readableError, type ReadableError } from '../../shared/readableError.ts';
import { onPacketJobChanged, readPacketJob, type PacketJobState } from '../../shared/supportPacketJob.ts';
import type { Workspace } from '../../shared/workspace.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { Checkbox } from '../../ui/fields.tsx';
import { PacketPreview } from './PacketPreview.tsx';

/**
 * Generating a support packet: who may, advice on the log level first, then
 * progress with Cancel, a preview of the files, and saving to the downloads.
 * The work runs in the Mattermost tab, so this window may close meanwhile.
 */
export function SupportPacketPanel({ workspace, tabId }: { workspace: Workspace; tabId: number }) {
  const [availability, setAvailability] = useState<SupportPacketAvailability | undefined>(undefined);
  const [job, setJob] = useState<PacketJobState | undefined>(undefined);
  const [redact, setRedact] = useState(true);
  const [error, setError] = useState<ReadableError | undefined>(undefined);

  useEffect(() => {
    void readPacketJob(workspace).then(setJob);
    return onPacketJobChanged(workspace, setJob);
  }, [workspace]);

  useEffect(() => {
    // The packet code is not part of the tab's page-load script: it is run there now, once per page.
    sendToBackground('loadSupportPacketScript', { tabId })
      .then(() => sendToTab(tabId, 'describeSupportPacket', null))
      .then(setAvailability, (cause: unknown) => setError(asReadable(cause)));
  }, [tabId, job?.state]);

  if (error && !availability) return <ErrorNotice error={error} />;
  if (!availability) return null;

  const act = (action: () => Promise<unknown>) => () => {
    setError(undefined);
    action().catch((cause: unknown) => setError(asReadable(cause)));
  };

  return (
    <section class="support-packet" aria-labelledby="packet-heading">
      <h2 id="packet-heading">{t('packetHeading')}</h2>
      {!availability.allowed ? (
        <p>{t('packetNotAllowed')}</p>
      ) : (
        <>
          {/* Advice for the next packet; a finished one is shown in its place. */}
          {availability.logAdvice && job?.state !== 'ready' && job?.state !== 'saved' && (
            // One line that says what is wrong; how to mend it unfolds, so the popup keeps its height.
            <div class="advice" role="note">
              <details>
                <summary>
                  {availability.logAdvice.fileLoggingEnabled ? t('packetLogAdviceLevelShort', [availability.logAdvice.currentLevel || '?']) : t('packetLogAdviceOffShort')}
                </summary>
                <p>
                  {availability.logAdvice.fileLoggingEnabled
                    ? t('packetLogAdviceLevel', [availability.logAdvice.currentLevel, availability.logAdvice.settingPath, availability.logAdvice.keys.join(', ')])
                    : t('packetLogAdviceOff', [availability.logAdvice.settingPath, availability.logAdvice.keys.join(', ')])}
                </p>
              </details>
            </div>
          )}
          {/* While a packet is made, its choices are fixed: the progress takes their place. */}
          {job?.state !== 'running' && (
            <>
              <Checkbox label={t('packetRedact')} checked={redact} onChange={setRedact} />
              {/* Beside a finished packet's preview, the explanation waits for the next one. */}
              {job?.state !== 'ready' && job?.state !== 'saved' && (
                <details class="packet-about">
                  <summary>{t('packetAboutSummary')}</summary>
                  <p class="help">{t('packetIntro')}</p>
                  <p class="help">{t('packetRedactHelp')}</p>
                </details>
              )}
              <button type="button" class="primary" onClick={act(() => startPacket(tabId, redact))}>
                {t('packetGenerate')}
              </button>
            </>
          )}
          {error && <ErrorNotice error={error} />}
          <JobState job={job} packetHeld={availability.packetHeld} onCancel={act(() => sendToTab(tabId, 'cancelSupportPacket', null))} onSave={act(() => sendToTab(tabId, 'saveSupportPacket', null))} />
        </>
      )}
    </section>
  );
}

/** The packet notes whether the tab's WebSocket is connected, as the tab's auto-reply script sees it. */
async function startPacket(tabId: number, redactPersonalData: boolean): Promise<void> {
  const websocketReachable = await sendToTab(tabId, 'describeAutoReply', null).then(
    ({ socket }) => socket.state === 'connected' || undefined,
    () => undefined,
  );
  await sendToTab(tabId, 'startSupportPacket', { redactPersonalData, websocketReachable });
}

function JobState(props: { job: PacketJobState | undefined; packetHeld: boolean; onCancel: () => void; onSave: () => void }) {
  const { job } = props;
  switch (job?.state) {
    case undefined:
      return null;
    case 'running': {
      const percent = Math.round(job.progress * 100);
      const stepKey = `packetStep_${job.step}` as MessageKey;
      return (
        <div class="packet-progress">
          <progress max={100} value={percent} aria-label={t('packetProgressLabel')} aria-valuetext={`${percent}% ${t(stepKey)}`} />
          <div class="progress-row">
            <p role="status">{t(stepKey)}</p>
            <button type="button" onClick={props.onCancel}>
              {t('packetCancel')}
            </button>
          </div>
          <p class="help">{t('packetStillRunning')}</p>
        </div>
      );
    }
    case 'cancelled':
      return <p role="status">{t('packetCancelled')}</p>;
    case 'failed':
      return <ErrorNotice error={readableError('packetFailed', job.error, [job.error])} />;
    case 'ready':
      if (!props.packetHeld) return <p role="alert">{t('packetLost')}</p>;
      return <PacketPreview job={job} onSave={props.onSave} />;
    case 'saved':
      return (
        <>
          <p role="status">{t('packetSaved', [job.fileName])}</p>
          <PacketPreview job={job} />
        </>
      );
  }
}

function asReadable(cause: unknown): ReadableError {
  return isReadableError(cause) ? cause : readableError('errorUnexpected', cause);
}
