import { useEffect, useRef, useState } from 'preact/hooks';
import type { Account } from '../../shared/autoReply/accountData.ts';
import {
  changeAutoReplySettings,
  editableSettings,
  onAutoReplySettingsChanged,
  readAutoReplySettings,
  replaceAutoReplySettings,
  type StoredSettings,
} from '../../shared/autoReply/autoReplyStore.ts';
import type { AutoReplySettings, SettingsProblem } from '../../shared/autoReply/settings.ts';
import { describeCause } from '../../shared/readableError.ts';

const savedNoticeMs = 5_000;

/** The edits whose value differs from the stored settings. */
function withoutSaved(edits: Partial<AutoReplySettings>, stored: AutoReplySettings): Partial<AutoReplySettings> {
  const kept = Object.entries(edits).filter(([field, value]) => JSON.stringify(value) !== JSON.stringify(stored[field as keyof AutoReplySettings]));
  return kept.length === Object.keys(edits).length ? edits : (Object.fromEntries(kept) as Partial<AutoReplySettings>);
}

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
      // An unsaved edit that storage now holds is saved: the form follows storage for that field again.
      setUnsaved((edits) => withoutSaved(edits, editableSettings(next)));
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
        if (ofEdits) setFailure(undefined);
        if (!written) return;
        // Nothing announced since the save began: what it wrote is what storage holds. Otherwise the
        // announcement of this very write is still to come, and clears the edits it saved (above).
        if (changesHeard.current !== heardBefore) return;
        setStored({ ok: true, settings: written });
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
      // A refusal by storage itself is thrown: the import says it did not happen.
      const found = await replaceAutoReplySettings(account, candidate, serverNow());
      if (found.length === 0) {
        latestSave.current += 1;
        setUnsaved({});
        setProblems([]);
      }
      return found;
    },
  };
}
