import type { ContentRule } from '../../shared/autoReply/settings.ts';
import { t } from '../../shared/i18n.ts';
import { Fieldset, Select, TextArea, TextField } from '../fields.tsx';
import { DownIcon, RemoveIcon, UpIcon } from '../icons.tsx';

export function ContentRulesEditor({ rules, onChange }: { rules: readonly ContentRule[]; onChange: (rules: ContentRule[]) => void }) {
  const replace = (index: number, rule: ContentRule) => onChange(rules.map((known, at) => (at === index ? rule : known)));
  // The first matching rule answers: order matters, and moves keep every rule.
  const move = (index: number, by: -1 | 1) => {
    const reordered = [...rules];
    const [rule] = reordered.splice(index, 1);
    if (rule) reordered.splice(index + by, 0, rule);
    onChange(reordered);
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
              <button type="button" class="icon-button" aria-label={t('ruleUpButton', [number])} title={t('ruleUpButton', [number])} disabled={index === 0} onClick={() => move(index, -1)}>
                <UpIcon />
              </button>
              <button
                type="button"
                class="icon-button"
                aria-label={t('ruleDownButton', [number])}
                title={t('ruleDownButton', [number])}
                disabled={index === rules.length - 1}
                onClick={() => move(index, 1)}
              >
                <DownIcon />
              </button>
              <button type="button" onClick={() => onChange(rules.filter((_, at) => at !== index))}>
                <RemoveIcon />
                {t('ruleRemoveButton', [number])}
              </button>
            </div>
          </div>
        );
      })}
      {rules.length === 0 && <p class="help">{t('rulesNone')}</p>}
      <button type="button" onClick={() => onChange([...rules, { kind: 'keyword', match: '', reply: '' }])}>
        {t('ruleAddButton')}
      </button>
    </Fieldset>
  );
}
