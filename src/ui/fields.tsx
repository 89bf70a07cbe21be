import type { ComponentChildren } from 'preact';
import { useEffect, useId, useState } from 'preact/hooks';
import { wordList } from './wordList.ts';

/** Small labelled controls: every input has a visible label that is also its accessible name. */

export function NumberField(props: { label: string; value: number; min: number; max: number; inline?: boolean; onChange: (value: number) => void }) {
  const id = useId();
  return (
    <div class={props.inline ? 'field field-inline' : 'field'}>
      <label for={id}>{props.label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={props.min}
        max={props.max}
        value={Number.isFinite(props.value) ? props.value : ''}
        onInput={(event) => props.onChange(event.currentTarget.valueAsNumber)}
      />
    </div>
  );
}

export function TextField(props: {
  label: string;
  value: string;
  type?: 'text' | 'time' | 'date' | 'datetime-local';
  list?: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input id={id} type={props.type ?? 'text'} list={props.list} value={props.value} onInput={(event) => props.onChange(event.currentTarget.value)} />
    </div>
  );
}

export function TextArea(props: { label: string; value: string; help?: string; rows?: number; onChange: (value: string) => void }) {
  const id = useId();
  const helpId = useId();
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <textarea
        id={id}
        rows={props.rows ?? 3}
        value={props.value}
        aria-describedby={props.help ? helpId : undefined}
        onInput={(event) => props.onChange(event.currentTarget.value)}
      />
      {props.help && (
        <p id={helpId} class="help">
          {props.help}
        </p>
      )}
    </div>
  );
}

export function Checkbox(props: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label class="checkbox">
      <input type="checkbox" checked={props.checked} onChange={(event) => props.onChange(event.currentTarget.checked)} />
      {props.label}
    </label>
  );
}

export function Select<T extends string>(props: {
  label: string;
  value: T;
  options: ReadonlyArray<readonly [T, string]>;
  onChange: (value: T) => void;
}) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(event) => props.onChange(event.currentTarget.value as T)}>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Fieldset(props: { legend: string; children: ComponentChildren }) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.children}
    </fieldset>
  );
}

/**
 * A list typed as text: the text stays as typed (a comma just typed is not
 * taken away) while the list it gives is saved; a list changed elsewhere
 * replaces the text.
 */
export function ListField(props: { label: string; values: readonly string[]; onChange: (values: string[]) => void }) {
  const [text, setText] = useState(props.values.join(', '));
  const joined = props.values.join('\n');
  useEffect(() => {
    setText((typed) => (wordList(typed).join('\n') === joined ? typed : props.values.join(', ')));
  }, [joined]);
  return (
    <TextField
      label={props.label}
      value={text}
      onChange={(typed) => {
        setText(typed);
        props.onChange(wordList(typed));
      }}
    />
  );
}

const timeZones: readonly string[] = Intl.supportedValuesOf?.('timeZone') ?? [];

/** A time zone typed or picked from the browser's list of them. */
export function TimeZoneField(props: { label: string; value: string; onChange: (value: string) => void }) {
  const listId = useId();
  return (
    <>
      <TextField label={props.label} value={props.value} list={listId} onChange={props.onChange} />
      <datalist id={listId}>
        {timeZones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </>
  );
}
