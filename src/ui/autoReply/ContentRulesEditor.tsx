import { useId, useLayoutEffect, useState } from 'preact/hooks';
import type { ContentRule } from '../../shared/autoReply/settings.ts';
import { t } from '../../shared/i18n.ts';
import { Fieldset, Select, TextArea, TextField } from '../fields.tsx';
import { DownIcon, RemoveIcon, UpIcon } from '../icons.tsx';

/**
 * Ordered content rules: added, removed and moved by buttons that work from
 * the keyboard. After a move the focus follows the rule, after a removal it
 * goes to "Add a rule", and either is announced.
 */
export function ContentRulesEditor({ rules, onChange }: { rules: readonly ContentRule[]; onChange: (rules: ContentRule[]) => void }) {
  const idPrefix = useId();
  const [announcement, setAnnouncement] = useState('');
  // The same words twice (rule 1 removed, then rule 1 again) must still be announced: the text alternates an invisible mark.
  const announce = (text: string) => setAnnouncement((previous) => (previous === text ? `${text}\u200b` : text));
  const [focusNext, setFocusNext] = useState<string | undefined>(undefined);
  // Before paint, so the focus never falls to the page in between.
  useLayoutEffect(() => {
    if (focusNext === undefined) return;
    document.getElementById(focusNext)?.focus();
    setFocusNext(undefined);
  }, [focusNext, rules]);

  const controlId = (control: 'up' | 'down' | 'add', index = 0) => `${idPrefix}-${control}-${index}`;
  const replace = (index: number, rule: ContentRule) => onChange(rules.map((known, at) => (at === index ? rule : known)));
  // The first matching rule answers: order matters, and moves keep every rule.
  const move = (index: number, by: -1 | 1) => {
    const reordered = [...rules];
    const [rule] = reordered.splice(index, 1);
    if (rule) reordered.splice(index + by, 0, rule);
    onChange(reordered);
    const to = index + by;
    // The same button of the moved rule, unless it just reached the end it moved to (its button is then disabled).
    const sameButton = by === -1 ? (to > 0 ? 'up' : 'down') : to < rules.length - 1 ? 'down' : 'up';
    setFocusNext(controlId(sameButton, to));
    announce(t('ruleMoved', [String(index + 1), String(to + 1)]));
  };
  const remove = (index: number) => {
    onChange(rules.filter((_, at) => at !== index));
    setFocusNext(controlId('add'));
    announce(t('ruleRemoved', [String(index + 1)]));
  };
  return (
    <Fieldset legend={t('rulesLegend')}>
      {rules.map((rule, index) => {
        const number = String(index + 1);
        return (
          <div class="rule" key={index}>
            <Select
              label={t('ruleKindLabel', [number])}
              value={rule.kind}
              options={[
                ['keyword', t('ruleKindKeyword')],
                ['pattern', t('ruleKindPattern')],
              ]}
              onChange={(kind) => replace(index, { ...rule, kind })}
            />
            <TextField label={t('ruleMatchLabel', [number])} value={rule.match} onChange={(match) => replace(index, { ...rule, match })} />
            <TextArea label={t('ruleReplyLabel', [number])} value={rule.reply} onChange={(reply) => replace(index, { ...rule, reply })} />
            <div class="rule-actions">
              <button
                type="button"
                id={controlId('up', index)}
                class="icon-button"
                aria-label={t('ruleUpButton', [number])}
                title={t('ruleUpButton', [number])}
                disabled={index === 0}
                onClick={() => move(index, -1)}
              >
                <UpIcon />
              </button>
              <button
                type="button"
                id={controlId('down', index)}
                class="icon-button"
                aria-label={t('ruleDownButton', [number])}
                title={t('ruleDownButton', [number])}
                disabled={index === rules.length - 1}
                onClick={() => move(index, 1)}
              >
                <DownIcon />
              </button>
              <button type="button" onClick={() => remove(index)}>
                <RemoveIcon />
                {t('ruleRemoveButton', [number])}
              </button>
            </div>
          </div>
        );
      })}
      {rules.length === 0 && <p class="help">{t('rulesNone')}</p>}
      <button type="button" id={controlId('add')} onClick={() => onChange([...rules, { kind: 'keyword', match: '', reply: '' }])}>
        {t('ruleAddButton')}
      </button>
      <p class="visually-hidden" role="status">
        {announcement}
      </p>
    </Fieldset>
  );
}
