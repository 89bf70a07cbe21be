import type { DeskSettings } from '../../shared/desk/deskSettings.ts';
import { t } from '../../shared/i18n.ts';
import { Checkbox, Fieldset, Select, TextField } from '../../ui/fields.tsx';
import { longWeekdayName, weekdaysFromMonday } from './weekdays.ts';

type WeeklyReport = DeskSettings['weeklyReport'];

/** The report of the past seven days the desk posts each week: when, in the desk's time zone, and to which channel. */
export function DeskWeeklyReportFieldset(props: {
  weeklyReport: WeeklyReport;
  /** The channels to choose from, as id and label, the same as for the support channel. */
  channels: ReadonlyArray<readonly [string, string]>;
  onChange: (weeklyReport: WeeklyReport) => void;
}) {
  const { weeklyReport, channels, onChange } = props;
  return (
    <Fieldset legend={t('deskWeeklyReportLegend')}>
      <p class="help">{t('deskWeeklyReportHelp')}</p>
      <Checkbox label={t('deskWeeklyReportEnabledLabel')} checked={weeklyReport.enabled} onChange={(enabled) => onChange({ ...weeklyReport, enabled })} />
      <div class="inline-fields">
        <Select
          label={t('deskWeeklyReportDayLabel')}
          value={String(weeklyReport.weekday)}
          options={weekdaysFromMonday.map((day) => [String(day), longWeekdayName(day)] as const)}
          onChange={(day) => onChange({ ...weeklyReport, weekday: Number(day) })}
        />
        <TextField label={t('deskWeeklyReportTimeLabel')} type="time" value={weeklyReport.time} onChange={(time) => onChange({ ...weeklyReport, time })} />
      </div>
      <Select
        label={t('deskWeeklyReportChannelLabel')}
        value={weeklyReport.channelId ?? ''}
        options={[['', t('deskWeeklyReportChannelNone')] as const, ...channels]}
        onChange={(channelId) => onChange({ ...weeklyReport, channelId: channelId || null })}
      />
    </Fieldset>
  );
}
