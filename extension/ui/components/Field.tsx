/**
 * Labelled inputs. The label, hint and error are wired to the input (`aria-describedby`,
 * `aria-invalid`) so screen readers announce them; errors show only after the user touched the
 * field or tried to submit.
 */
import { useId, useState, type InputHTMLAttributes, type ReactElement, type ReactNode } from 'react';
import { Icon } from './icons.js';
import { useT } from '../i18n/i18n.js';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'>;

export interface FieldProps extends InputProps {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  /** Rendered beside the input (e.g. a "Max" button). */
  addon?: ReactNode;
}

export function TextField({ label, hint, error, addon, ...input }: FieldProps): ReactElement {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const control = <input id={id} className="input" aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {addon ? (
        <div className="input-group">
          {control}
          {addon}
        </div>
      ) : (
        control
      )}
      {hint ? (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** A password/secret input with a show/hide toggle. Never autocompleted or spell-checked. */
export function PasswordField(props: Omit<FieldProps, 'type' | 'addon'>): ReactElement {
  const [visible, setVisible] = useState(false);
  const t = useT();
  return (
    <TextField
      {...props}
      type={visible ? 'text' : 'password'}
      autoComplete={props.autoComplete ?? 'off'}
      spellCheck={false}
      autoCapitalize="off"
      autoCorrect="off"
      addon={
        <button type="button" className="btn btn-icon" onClick={() => setVisible((v) => !v)} aria-label={visible ? t('field.hide', { label: props.label }) : t('field.show', { label: props.label })} aria-pressed={visible}>
          <Icon name={visible ? 'eyeOff' : 'eye'} />
        </button>
      }
    />
  );
}
