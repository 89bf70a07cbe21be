import { useEffect, useRef, useState } from 'preact/hooks';
import type { Account } from '../../shared/autoReply/accountData.ts';
import {
  changeAutoReplySettings,
  editableSettings,
  onAutoReplySettingsChanged,
  readAutoReplySettings,
  writeAutoReplySettings,
  type StoredSettings,
} from '../../shared/autoReply/autoReplyStore.ts';
import type { AutoReplySettings, SettingsProblem } from '../../shared/autoReply/settings.ts';
import { catchUpPointFromClock } from '../../shared/autoReply/catchUpPoint.ts';
import { describeCause } from '../../shared/readableError.ts';

const savedNoticeMs = 5_000;

export interface AccountSettingsEditor {
  readonly stored: StoredSettings;
  /** What the form shows: the stored settings with this form's unsaved edits on top. */
  readonly draft: AutoReplySettings;
  readonly problems: readonly SettingsProblem[];
  readonly saved: boolean;
  /** Storage itself refused the write: why, in the browser's words. */
  readonly failure: string | undefined;
  change(patch: Partial<AutoReplySettings>): void;
  /** The switch alone: saved over the stored settings, whatever else the form holds unsaved. */
  setEnabled(enabled: boolean): void;
  /** Replaces every setting; answers the problems, none when saved. */
  importSettings(candidate: unknown): Promise<readonly SettingsProblem[]>;
}

/**
 * One account's auto-reply settings as a form edits them. A valid change is
 * saved at once, as a change of the fields edited over what storage holds
 * then, so a change made meanwhile in another window or by the tab is kept.
 * An edit that does not validate stays in the form, unsaved, with its
 * problems, while changes from elsewhere still show in the other fields.
 * Only the latest save's outcome is shown. `serverOffsetMs` puts a switch-on
 * on the server's clock.
 */
export function useAccountSettings(account: Account, serverOffsetMs: number): AccountSettingsEditor | undefined {
  const [stored, setStored] = useState<StoredSettings | undefined>(undefined);
  const [unsaved, setUnsaved] = useState<Partial<AutoReplySettings>>({});
  const [problems, setProblems] = useState<readonly SettingsProblem[]>([]);
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const latestSave = useRef(0);
  const latestSwitch = useRef(0);
  const savedNoticeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** "Saved" is said for a moment after a save, not left standing beside later changes from elsewhere. */
  const showSaved = (shown: boolean) => {
    clearTimeout(savedNoticeTimer.current);
    setSaved(shown);
    if (shown) savedNoticeTimer.current = setTimeout(() => setSaved(false), savedNoticeMs);
  };
  useEffect(() => () => clearTimeout(savedNoticeTimer.current), []);
  /** Changes announced so far: a save knows from it whether its own change was announced yet. */
  const changesHeard = useRef(0);

  useEffect(() => {
    let current = true;
    const stop = onAutoReplySettingsChanged(account, (next) => {
      changesHeard.current += 1;
      setStored(next);
    });
    const heardBefore = changesHeard.current;
    void readAutoReplySettings(account).then((initial) => {
      // A change announced while this read was under way is newer than what it read.
      if (current && changesHeard.current === heardBefore) setStored(initial);
    });
    return () => {
      current = false;
      stop();
    };
  }, [account.workspace.origin, account.workspace.basePath, account.userId]);

  if (!stored) return undefined;
  const draft = { ...editableSettings(stored), ...unsaved };

  /**
   * Runs one save and shows its outcome if no later save started meanwhile.
   * Once saved, the form shows what was written, even before storage
   * announces it (unless storage already announced something), so the text
   * being typed never falls back to an older value.
   */
  const save = (
    write: () => Promise<{ readonly problems: readonly SettingsProblem[]; readonly saved?: AutoReplySettings }>,
    { ofEdits }: { ofEdits: boolean },
  ): void => {
    const counter = ofEdits ? latestSave : latestSwitch;
    counter.current += 1;
    const mine = counter.current;
    const heardBefore = changesHeard.current;
    write().then(
      ({ problems: found, saved: written }) => {
        if (mine !== counter.current) return;
        // The switch alone leaves the edits' outcome as it is, unless it could not be saved either.
        if (ofEdits || found.length > 0) {
          setProblems(found);
          showSaved(found.length === 0);
        }
        setFailure(undefined);
        if (!written) return;
        if (changesHeard.current === heardBefore) setStored({ ok: true, settings: written });
        if (ofEdits) setUnsaved({});
      },
      (error: unknown) => {
        if (mine !== counter.current) return;
        showSaved(false);
        setFailure(describeCause(error));
      },
    );
  };
  const serverNow = () => Date.now() + serverOffsetMs;

  return {
    stored,
    draft,
    problems,
    saved,
    failure,
    change(patch) {
      const edits = { ...unsaved, ...patch };
      setUnsaved(edits);
      save(() => changeAutoReplySettings(account, (current) => ({ ...current, ...edits }), serverNow()), { ofEdits: true });
    },
    setEnabled(enabled) {
      save(() => changeAutoReplySettings(account, (current) => ({ ...current, enabled }), serverNow()), { ofEdits: false });
    },
    async importSettings(candidate) {
      const switchedOn = !editableSettings(stored).enabled && (candidate as Partial<AutoReplySettings> | null)?.enabled === true;
      // A refusal by storage itself is thrown: the import says it did not happen.
      const found = await writeAutoReplySettings(account, candidate, switchedOn ? catchUpPointFromClock(serverNow()) : undefined);
      if (found.length === 0) {
        latestSave.current += 1;
        setUnsaved({});
        setProblems([]);
      }
      return found;
    },
  };
}
