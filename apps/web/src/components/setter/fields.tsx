'use client';
// Small form controls of the setter's editor: labelled inputs that keep what the person typed.
import { useState } from 'react';
import { numberField, splitList } from '@/lib/working-copy';

export function Field({
  label,
  hint,
  children,
  htmlFor,
  className = '',
}: {
  className?: string;
  label: string;
  hint?: string | undefined;
  children: React.ReactNode;
  htmlFor: string;
}) {
  return (
    <div className={`min-w-0 ${className}`}>
      <label htmlFor={htmlFor} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      {children}
      {hint ? <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">{hint}</p> : null}
    </div>
  );
}

/** A number field: the text stays as typed; the manifest gets the number (the API says what is out of range). */
export function NumberInput({
  id,
  value,
  onChange,
  readOnly,
  step,
  testId,
}: {
  id: string;
  value: number;
  onChange: (value: number) => void;
  readOnly: boolean;
  step?: string;
  testId?: string;
}) {
  const [text, setText] = useState(String(value));
  return (
    <input
      id={id}
      data-testid={testId}
      className="input font-mono"
      inputMode="decimal"
      type="text"
      step={step}
      value={text}
      readOnly={readOnly}
      onChange={(event) => {
        setText(event.target.value);
        onChange(numberField(event.target.value));
      }}
    />
  );
}

/** A comma-separated list (tags, test ids). */
export function ListInput({
  id,
  value,
  onChange,
  readOnly,
  placeholder,
  testId,
}: {
  id: string;
  value: readonly string[];
  onChange: (value: string[]) => void;
  readOnly: boolean;
  placeholder?: string;
  testId?: string;
}) {
  const [text, setText] = useState(value.join(', '));
  return (
    <input
      id={id}
      data-testid={testId}
      className="input"
      value={text}
      placeholder={placeholder}
      readOnly={readOnly}
      onChange={(event) => {
        setText(event.target.value);
        onChange(splitList(event.target.value));
      }}
    />
  );
}
