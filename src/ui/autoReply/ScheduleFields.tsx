import type { AutoReplySchedule } from '../../shared/autoReply/settings.ts';
import { t } from '../../shared/i18n.ts';
import { Checkbox, Fieldset, Select, TextField, TimeZoneField } from '../fields.tsx';
import { weekdayName } from '../weekdayName.ts';

const browserTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** datetime-local speaks the browser's local time; settings keep epoch milliseconds. */
function toLocalInput(epochMs: number): string {
  const local = new Date(epochMs - new Date(epochMs).getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

function fromLocalInput(value: string): number {
  return new Date(value).getTime();
}

function scheduleOfKind(kind: AutoReplySchedule['kind'], now: number): AutoReplySchedule {
  switch (kind) {
    case 'always':
      return { kind };
    case 'outside-working-hours':
      return { kind, timeZone: browserTimeZone, workingDays: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };
    case 'until':
      return { kind, until: now + 7 * 24 * 60 * 60_000 };
  }
}

export function ScheduleFields({ schedule, onChange }: { schedule: AutoReplySchedule; onChange: (schedule: AutoReplySchedule) => void }) {
  return (
    <>
      <Select
        label={t('scheduleLabel')}
        value={schedule.kind}
        options={[
          ['always', t('scheduleAlways')],
          ['outside-working-hours', t('scheduleOutsideWorkingHours')],
          ['until', t('scheduleUntil')],
        ]}
        onChange={(kind) => onChange(scheduleOfKind(kind, Date.now()))}
      />
      {schedule.kind === 'until' && (
        <TextField
          label={t('untilLabel')}
          type="datetime-local"
          value={Number.isFinite(schedule.until) ? toLocalInput(schedule.until) : ''}
          onChange={(value) => onChange({ ...schedule, until: fromLocalInput(value) })}
        />
      )}
      {schedule.kind === 'outside-working-hours' && (
        <>
          <TimeZoneField label={t('timeZoneLabel')} value={schedule.timeZone} onChange={(timeZone) => onChange({ ...schedule, timeZone })} />
          <Fieldset legend={t('workingDaysLabel')}>
            {[1, 2, 3, 4, 5, 6, 0].map((day) => (
              <Checkbox
                key={day}
                label={weekdayName(day)}
                checked={schedule.workingDays.includes(day)}
                onChange={(checked) =>
                  onChange({
                    ...schedule,
                    workingDays: checked ? [...schedule.workingDays, day].sort() : schedule.workingDays.filter((known) => known !== day),
                  })
                }
              />
            ))}
          </Fieldset>
          <TextField label={t('workingHoursStartLabel')} type="time" value={schedule.start} onChange={(start) => onChange({ ...schedule, start })} />
          <TextField label={t('workingHoursEndLabel')} type="time" value={schedule.end} onChange={(end) => onChange({ ...schedule, end })} />
        </>
      )}
    </>
  );
}
