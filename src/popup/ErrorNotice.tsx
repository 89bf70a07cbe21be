import { t } from '../shared/i18n.ts';
import type { ReadableError } from '../shared/readableError.ts';

export function ErrorNotice({ error }: { error: ReadableError }) {
  return (
    <div class="notice notice-error" role="alert">
      <p>{t(error.messageKey, error.substitutions)}</p>
      {error.detail && (
        <details>
          <summary>{t('errorDetails')}</summary>
          <code>{error.detail}</code>
        </details>
      )}
    </div>
  );
}
