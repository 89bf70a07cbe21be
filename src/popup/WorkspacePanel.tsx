import browser from 'webextension-polyfill';
import { t } from '../shared/i18n.ts';
import { sendToBackground } from '../shared/messaging.ts';
import { isReadableError, readableError, type ReadableError } from '../shared/readableError.ts';
import { workspaceLabel, workspaceMatchPattern } from '../shared/workspace.ts';
import { AutoReplyPanel } from './autoReply/AutoReplyPanel.tsx';
import { SupportPacketPanel } from './supportPacket/SupportPacketPanel.tsx';
import type { TabWorkspace } from './tabWorkspace.ts';

interface Props {
  readonly tabWorkspace: TabWorkspace;
  readonly onChanged: () => void;
  readonly onError: (error: ReadableError) => void;
}

function asReadable(error: unknown): ReadableError {
  return isReadableError(error) ? error : readableError('errorUnexpected', error);
}

export function WorkspacePanel({ tabWorkspace, onChanged, onError }: Props) {
  switch (tabWorkspace.kind) {
    case 'no-tab':
      return <p class="explanation">{t('tabNone')}</p>;
    case 'not-web-page':
      return <p class="explanation">{t('tabNotWebPage')}</p>;
    case 'no-access':
      return <p class="explanation">{t('tabNoAccess')}</p>;
    case 'not-mattermost':
      return <p class="explanation">{t('tabNotMattermost', [tabWorkspace.host])}</p>;

    case 'available': {
      const { workspace, tabId } = tabWorkspace;
      const label = workspaceLabel(workspace);
      const enable = () => {
        // The request must start inside the click, before any await, or the
        // browser refuses it as not coming from a user gesture.
        browser.permissions
          .request({ origins: [workspaceMatchPattern(workspace)] })
          .then(async (granted) => {
            if (!granted) throw readableError('permissionDenied', 'permission request declined', [label]);
            await sendToBackground('enableWorkspace', { workspace, tabId });
          })
          .then(onChanged, (error: unknown) => onError(asReadable(error)));
      };
      return (
        <section aria-labelledby="workspace-heading">
          <p id="workspace-heading" class="workspace">{t('workspaceDetected', [label])}</p>
          <p class="explanation">{t('workspaceEnableExplanation')}</p>
          <button type="button" class="primary" onClick={enable}>
            {t('enableButton')}
          </button>
        </section>
      );
    }

    case 'enabled': {
      const { workspace, session, tabId } = tabWorkspace;
      const disable = () => {
        sendToBackground('disableWorkspace', { workspace }).then(onChanged, (error: unknown) => onError(asReadable(error)));
      };
      return (
        <section aria-labelledby="workspace-heading">
          <div class="workspace-row">
            <p>
              <span id="workspace-heading" class="workspace">
                {t('workspaceEnabled', [workspaceLabel(workspace)])}
              </span>{' '}
              <span class="session" role="status">
                {describeSession(session)}
              </span>
            </p>
            <button type="button" class="link-button" aria-label={t('disableButton')} onClick={disable}>
              {t('disableShortButton')}
            </button>
          </div>
          {session.state === 'not-running' && (
            <button type="button" class="primary" onClick={() => void browser.tabs.reload(tabId)}>
              {t('reloadTabButton')}
            </button>
          )}
          {session.state !== 'not-running' && <AutoReplyPanel workspace={workspace} tabId={tabId} />}
          {session.state === 'signed-in' && <SupportPacketPanel workspace={workspace} tabId={tabId} />}
        </section>
      );
    }
  }
}

function describeSession(session: Extract<TabWorkspace, { kind: 'enabled' }>['session']): string {
  switch (session.state) {
    case 'signed-in':
      return t('sessionSignedIn', [session.username]);
    case 'signed-out':
      return t('sessionSignedOut');
    case 'not-running':
      return t('sessionNotRunning');
    case 'unreachable':
      return t(session.error.messageKey, session.error.substitutions);
  }
}
