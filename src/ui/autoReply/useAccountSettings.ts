import { useEffect, useRef, useState } from 'preact/hooks';
import type { Account } from '../../shared/autoReply/accountData.ts';
import { onAutoReplySettingsChanged, readAutoReplySettings, writeAutoReplySettings, type StoredSettings } from '../../shared/autoReply/autoReplyStore.ts';
import { catchUpPointFromClock } from '../../shared/autoReply/catchUpPoint.ts';
import { parseAutoReplySettings, type AutoReplySettings, type SettingsProblem } from '../../shared/autoReply/settings.ts';

/** What the form starts from: the settings, or invalid ones as they were stored, to be mended. */
const editable = (stored: StoredSettings): AutoReplySettings => (stored.ok ? stored.settings : stored.asStored);

/** Writes remembered as this form's own, so that their echo does not overwrite what is being typed. */
const ownWritesRemembered = 20;

export interface AccountSettingsEditor {
  readonly stored: StoredSettings;
  /** The settings as edited here: saved when valid, kept with `problems` otherwise. */
  readonly draft: AutoReplySettings;
  readonly problems: readonly SettingsProblem[];
  readonly saved: boolean;
  change(patch: Partial<AutoReplySettings>): void;
  /** Replaces every setting; answers the problems, none when saved. */
  importSettings(candidate: unknown): Promise<readonly SettingsProblem[]>;
}

/**
 * One account's auto-reply settings as a form edits them: every valid change
 * is saved at once and open tabs pick it up; a change saved elsewhere (the
 * popup, the options page, another window) shows here at once.
 * `serverOffsetMs` puts a switch-on on the server's clock.
 */
export function useAccountSettings(account: Account, serverOffsetMs: number): AccountSettingsEditor | undefined {
  const [stored, setStored] = useState<StoredSettings | undefined>(undefined);
  const [draft, setDraft] = useState<AutoReplySettings | undefined>(undefined);
  const [problems, setProblems] = useState<readonly SettingsProblem[]>([]);
  const [saved, setSaved] = useState(false);
  const ownWrites = useRef<string[]>([]);

  useEffect(() => {
    let current = true;
    void readAutoReplySettings(account).then((initial) => {
      if (!current) return;
      setStored(initial);
      setDraft(editable(initial));
    });
    const stop = onAutoReplySettingsChanged(account, (next) => {
      setStored(next);
      const written = ownWrites.current.indexOf(JSON.stringify(next.settings));
      if (written >= 0) {
        ownWrites.current.splice(0, written + 1);
        return;
      }
      // Saved elsewhere: what this form shows follows.
      setDraft(editable(next));
      setProblems([]);
      setSaved(false);
    });
    return () => {
      current = false;
      stop();
    };
  }, [account.workspace.origin, account.userId]);

  if (!stored || !draft) return undefined;

  // Switched on now, by the server's clock: catching up later starts here, even if the tab closes before it notes it too.
  const switchedOnAt = (candidate: unknown) =>
    !stored.settings.enabled && (candidate as Partial<AutoReplySettings> | null)?.enabled === true
      ? catchUpPointFromClock(Date.now() + serverOffsetMs)
      : undefined;
  const write = async (candidate: unknown): Promise<readonly SettingsProblem[]> => {
    const parsed = parseAutoReplySettings(candidate);
    if (parsed.ok) ownWrites.current = [...ownWrites.current, JSON.stringify(parsed.settings)].slice(-ownWritesRemembered);
    const found = await writeAutoReplySettings(account, candidate, switchedOnAt(candidate));
    setProblems(found);
    setSaved(found.length === 0);
    return found;
  };
  return {
    stored,
    draft,
    problems,
    saved,
    change(patch) {
      const next = { ...draft, ...patch };
      setDraft(next);
      void write(next).then((found) => {
        // A switch that could not be saved stays as it was, or a later edit that mends the problem would flip it unasked.
        if (found.length > 0 && patch.enabled !== undefined) setDraft((current) => current && { ...current, enabled: stored.settings.enabled });
      });
    },
    async importSettings(candidate) {
      const found = await writeAutoReplySettings(account, candidate, switchedOnAt(candidate));
      if (found.length === 0) {
        setDraft(editable(await readAutoReplySettings(account)));
        setProblems([]);
      }
      return found;
    },
  };
}
