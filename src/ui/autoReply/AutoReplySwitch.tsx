import type { SettingsProblem } from '../../shared/autoReply/settings.ts';
import { t } from '../../shared/i18n.ts';
import { describeSettingsProblem } from './settingsProblems.ts';

/** The "Auto-reply" switch, the same control in the popup and on the options page. */
export function AutoReplySwitch({ enabled, onChange }: { enabled: boolean; onChange: (enabled: boolean) => void }) {
  return (
    <button type="button" role="switch" aria-checked={enabled} aria-label={t('autoReplySwitch')} class="switch" onClick={() => onChange(!enabled)}>
      <span class="switch-knob" aria-hidden="true" />
    </button>
  );
}

/** Why the last change was not saved, or that it was. */
export function SaveOutcome({ problems, saved, failure }: { problems: readonly SettingsProblem[]; saved: boolean; failure: string | undefined }) {
  if (failure !== undefined) {
    return (
      <div role="alert" class="problem">
        {t('settingsNotSaved')} {t('settingsStorageFailed', [failure])}
      </div>
    );
  }
  if (problems.length > 0) {
    return (
      <div role="alert" class="problem">
        {t('settingsNotSaved')} {problems.map(describeSettingsProblem).join('; ')}
      </div>
    );
  }
  return saved ? (
    <p role="status" class="saved">
      {t('settingsSaved')}
    </p>
  ) : null;
}
