import { useRef, useState } from 'preact/hooks';
import type { AutoReplySettings } from '../../shared/autoReply/settings.ts';
import type { SettingsProblem } from '../../shared/autoReply/settings.ts';
import { t } from '../../shared/i18n.ts';
import { describeCause } from '../../shared/readableError.ts';
import { FileIcon } from '../icons.tsx';
import { saveAsFile } from '../saveAsFile.ts';
import { describeSettingsProblem } from './settingsProblems.ts';

/** Export to a JSON file and import from one; an invalid file changes nothing and says why. */
export function SettingsTransfer(props: {
  settings: AutoReplySettings;
  fileName: string;
  onImport: (candidate: unknown) => Promise<readonly SettingsProblem[]>;
}) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | undefined>(undefined);

  const exportSettings = () => saveAsFile(`${JSON.stringify(props.settings, null, 2)}\n`, 'application/json', props.fileName);

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    let candidate: unknown;
    try {
      candidate = JSON.parse(await file.text());
    } catch {
      setOutcome({ ok: false, text: `${t('importRefused')} ${t('importNotJson')}` });
      return;
    }
    try {
      const problems = await props.onImport(candidate);
      setOutcome(problems.length === 0 ? { ok: true, text: t('importDone') } : { ok: false, text: `${t('importRefused')} ${problems.map(describeSettingsProblem).join('; ')}` });
    } catch (error) {
      setOutcome({ ok: false, text: `${t('importRefused')} ${t('settingsStorageFailed', [describeCause(error)])}` });
    }
  };

  return (
    <div class="transfer">
      <button type="button" onClick={exportSettings}>
        {t('exportSettingsButton')}
      </button>
      {/* The file picker opens from a real button; the input itself stays out of sight and out of the tab order. */}
      <button type="button" onClick={() => fileInput.current?.click()}>
        <FileIcon />
        {t('importSettingsButton')}
      </button>
      <input
        ref={fileInput}
        type="file"
        class="hidden-file-input"
        tabIndex={-1}
        aria-hidden="true"
        accept="application/json,.json"
        onChange={(event) => {
          const input = event.currentTarget;
          void importFile(input.files?.[0]).finally(() => (input.value = ''));
        }}
      />
      {outcome && (
        <p role={outcome.ok ? 'status' : 'alert'} class={outcome.ok ? 'saved' : 'problem'}>
          {outcome.text}
        </p>
      )}
    </div>
  );
}
