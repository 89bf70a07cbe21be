import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../shared/i18n.ts';
import { RemoveIcon } from '../../ui/icons.tsx';
import { Fieldset, Select } from '../../ui/fields.tsx';

/** The settings schema keeps at most this many support channels. */
export const mostSupportChannels = 10;

/**
 * The support channels, one choice per row: added and removed by buttons.
 * A row left at "No channel chosen" is dropped on saving. After adding, the
 * new row's choice has the focus; after removing, the add button.
 */
export function DeskChannelsFieldset(props: {
  channelIds: readonly string[];
  options: ReadonlyArray<readonly [string, string]>;
  onChange: (channelIds: string[]) => void;
}) {
  const { channelIds, onChange } = props;
  const rows = channelIds.length === 0 ? [''] : channelIds;
  const container = useRef<HTMLDivElement>(null);
  const [focusAfterRender, setFocusAfterRender] = useState<'last-choice' | 'add' | undefined>(undefined);

  useEffect(() => {
    if (!focusAfterRender) return;
    const target = focusAfterRender === 'add' ? container.current?.querySelector<HTMLElement>('.desk-channel-add') : [...(container.current?.querySelectorAll('select') ?? [])].at(-1);
    target?.focus();
    setFocusAfterRender(undefined);
  }, [focusAfterRender]);

  const replace = (index: number, channelId: string) => onChange(rows.map((current, at) => (at === index ? channelId : current)));
  const atMost = rows.length >= mostSupportChannels;
  // A saved channel the account has left is still shown, by id, rather than silently shown as none.
  const listed = new Set(props.options.map(([id]) => id));
  const options = [
    ['', t('deskChannelNone')] as const,
    ...props.options,
    ...[...new Set(rows)].filter((id) => id && !listed.has(id)).map((id) => [id, t('deskChannelNotListed', [id])] as const),
  ];

  return (
    <Fieldset legend={t('deskChannelsLegend')}>
      <div ref={container}>
        {rows.map((channelId, index) => {
          const number = String(index + 1);
          return (
            <div class="inline-fields" key={index}>
              <Select
                label={rows.length === 1 ? t('deskChannelLabel') : t('deskChannelNumberLabel', [number])}
                value={channelId}
                options={options}
                onChange={(chosen) => replace(index, chosen)}
              />
              {rows.length > 1 && (
                <button
                  type="button"
                  onClick={() => {
                    onChange(rows.filter((_, at) => at !== index));
                    setFocusAfterRender('add');
                  }}
                >
                  <RemoveIcon />
                  {t('deskChannelRemove', [number])}
                </button>
              )}
            </div>
          );
        })}
        <button
          type="button"
          class="desk-channel-add"
          aria-disabled={atMost}
          aria-describedby={atMost ? 'desk-channels-at-most' : undefined}
          onClick={() => {
            if (atMost) return;
            onChange([...rows, '']);
            setFocusAfterRender('last-choice');
          }}
        >
          {t('deskChannelAdd')}
        </button>
        {atMost && (
          <p id="desk-channels-at-most" class="help">
            {t('deskChannelsAtMost')}
          </p>
        )}
      </div>
    </Fieldset>
  );
}
