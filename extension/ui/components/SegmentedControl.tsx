/** A small radio group drawn as buttons (Core / eSpace). Arrow keys move between options. */
import type { KeyboardEvent, ReactElement } from 'react';

export function SegmentedControl<T extends string>({ label, value, options, onChange }: { label: string; value: T; options: readonly { value: T; label: string }[]; onChange: (value: T) => void }): ReactElement {
  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const index = options.findIndex((o) => o.value === value);
    const next = options[(index + (event.key === 'ArrowRight' ? 1 : options.length - 1)) % options.length];
    if (next) {
      onChange(next.value);
      event.preventDefault();
      const target = event.currentTarget.querySelector<HTMLButtonElement>(`[data-value="${next.value}"]`);
      target?.focus();
    }
  };
  return (
    <div className="segmented" role="radiogroup" aria-label={label} onKeyDown={onKey}>
      {options.map((option) => (
        <button key={option.value} type="button" role="radio" data-value={option.value} aria-checked={option.value === value} tabIndex={option.value === value ? 0 : -1} onClick={() => onChange(option.value)}>
          {option.label}
        </button>
      ))}
    </div>
  );
}
