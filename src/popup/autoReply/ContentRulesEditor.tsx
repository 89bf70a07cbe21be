import type { ContentRule } from '../../shared/autoReply/settings.ts';
import { t } from '../../shared/i18n.ts';
import { Fieldset, Select, TextArea, TextField } from './fields.tsx';

export function ContentRulesEditor({ rules, onChange }: { rules: readonly ContentRule[]; onChange: (rules: ContentRule[]) => void }) {
  const replace = (index: number, rule: ContentRule) => onChange(rules.map((known, at) => (at === index ? rule : known)));
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
            <button type="button" onClick={() => onChange(rules.filter((_, at) => at !== index))}>
              {t('ruleRemoveButton', [number])}
            </button>
          </div>
        );
      })}
      <button type="button" onClick={() => onChange([...rules, { kind: 'keyword', match: '', reply: '' }])}>
        {t('ruleAddButton')}
      </button>
    </Fieldset>
  );
}
