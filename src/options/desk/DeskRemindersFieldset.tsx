import type { DeskSettings } from '../../shared/desk/deskSettings.ts';
import { t } from '../../shared/i18n.ts';
import { Checkbox, Fieldset, NumberField, TextField } from '../../ui/fields.tsx';
import { weekdayName } from '../../ui/weekdayName.ts';
import { reminderLimits } from './deskFormProblems.ts';
import { weekdaysFromMonday } from './weekdays.ts';

type Reminders = DeskSettings['reminders'];
type Hours = DeskSettings['hours'];

/** Reminders to the person on duty about unanswered questions, and the desk's days and hours they keep to. */
export function DeskRemindersFieldset(props: {
  reminders: Reminders;
  hours: Hours;
  onChange: (patch: { reminders: Reminders } | { hours: Hours }) => void;
}) {
  const { reminders, hours, onChange } = props;
  const setDay = (day: number, working: boolean) => {
    const others = hours.workingDays.filter((known) => known !== day);
    onChange({ hours: { ...hours, workingDays: working ? [...others, day].sort((a, b) => a - b) : others } });
  };
  return (
    <Fieldset legend={t('deskRemindersLegend')}>
      <p class="help">{t('deskRemindersHelp')}</p>
      <Checkbox
        label={t('deskRemindersEnabledLabel')}
        checked={reminders.enabled}
        onChange={(enabled) => onChange({ reminders: { ...reminders, enabled } })}
      />
      <div class="inline-fields">
        <NumberField
          label={t('deskRemindAfterLabel')}
          {...reminderLimits.afterMinutes}
          value={reminders.afterMinutes}
          onChange={(afterMinutes) => onChange({ reminders: { ...reminders, afterMinutes } })}
        />
        <NumberField
          label={t('deskRemindAtMostLabel')}
          {...reminderLimits.atMost}
          value={reminders.atMost}
          onChange={(atMost) => onChange({ reminders: { ...reminders, atMost } })}
        />
      </div>
      <Fieldset legend={t('workingDaysLabel')}>
        {weekdaysFromMonday.map((day) => (
          <Checkbox key={day} label={weekdayName(day)} checked={hours.workingDays.includes(day)} onChange={(working) => setDay(day, working)} />
        ))}
      </Fieldset>
      <div class="inline-fields">
        <TextField label={t('deskRemindFromLabel')} type="time" value={hours.start} onChange={(start) => onChange({ hours: { ...hours, start } })} />
        <TextField label={t('deskRemindUntilLabel')} type="time" value={hours.end} onChange={(end) => onChange({ hours: { ...hours, end } })} />
      </div>
    </Fieldset>
  );
}
