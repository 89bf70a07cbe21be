import type { DeskSettings } from '../../shared/desk/deskSettings.ts';
import { t } from '../../shared/i18n.ts';
import { Checkbox, Fieldset, Select, TextArea } from '../../ui/fields.tsx';

type Welcome = DeskSettings['welcome'];

/** The message people get when they join the support channel. */
export function DeskWelcomeFieldset({ welcome, onChange }: { welcome: Welcome; onChange: (welcome: Welcome) => void }) {
  return (
    <Fieldset legend={t('deskWelcomeLegend')}>
      <Checkbox label={t('deskWelcomeEnabledLabel')} checked={welcome.enabled} onChange={(enabled) => onChange({ ...welcome, enabled })} />
      <TextArea label={t('deskWelcomeMessageLabel')} rows={4} value={welcome.message} onChange={(message) => onChange({ ...welcome, message })} />
      <Select
        label={t('deskWelcomeDeliveryLabel')}
        value={welcome.delivery}
        options={[
          ['ephemeral', t('deskWelcomeEphemeral')],
          ['direct-message', t('deskWelcomeDirectMessage')],
        ]}
        onChange={(delivery) => onChange({ ...welcome, delivery })}
      />
    </Fieldset>
  );
}
