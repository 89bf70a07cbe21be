import { useCallback, useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import { readableError, isReadableError, type ReadableError } from '../shared/readableError.ts';
import { ErrorNotice } from './ErrorNotice.tsx';
import { findTargetTab } from './targetTab.ts';
import { inspectTab, type TabWorkspace } from './tabWorkspace.ts';
import { WorkspacePanel } from './WorkspacePanel.tsx';

const scriptCheckMs = 1_000;

export function PopupApp() {
  const [tabWorkspace, setTabWorkspace] = useState<TabWorkspace | undefined>(undefined);
  const [error, setError] = useState<ReadableError | undefined>(undefined);

  const refresh = useCallback(() => {
    findTargetTab(location.search)
      .then(inspectTab)
      .then(setTabWorkspace, (cause: unknown) =>
        setError(isReadableError(cause) ? cause : readableError('errorUnexpected', cause)),
      );
  }, []);

  useEffect(refresh, [refresh]);

  // Enabling reloads the tab, and a tab may be reloaded from here: look again until its script answers.
  const waitingForScript = tabWorkspace?.kind === 'enabled' && tabWorkspace.session.state === 'not-running';
  useEffect(() => {
    if (!waitingForScript) return;
    const timer = setInterval(refresh, scriptCheckMs);
    return () => clearInterval(timer);
  }, [waitingForScript, refresh]);

  const onChanged = useCallback(() => {
    setError(undefined);
    refresh();
  }, [refresh]);

  return (
    <>
      <h1>{t('extensionName')}</h1>
      {error && <ErrorNotice error={error} />}
      {tabWorkspace ? (
        <WorkspacePanel tabWorkspace={tabWorkspace} onChanged={onChanged} onError={setError} />
      ) : (
        !error && <p role="status">{t('popupLoading')}</p>
      )}
    </>
  );
}
