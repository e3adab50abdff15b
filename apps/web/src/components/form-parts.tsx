/** The pieces every form of the site shares: a labelled field with its error, and the form's messages. */
export function FormField({
  name,
  label,
  type = 'text',
  autoComplete,
  error,
}: {
  name: string;
  label: string;
  type?: string;
  autoComplete: string;
  error: string | undefined;
}) {
  return (
    <div>
      <label htmlFor={name} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <input
        id={name}
        name={name}
        type={type}
        autoComplete={autoComplete}
        required
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${name}-error` : undefined}
      />
      {error ? (
        <p id={`${name}-error`} className="mt-1 text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function FormError({ message, testId }: { message: string | null; testId?: string }) {
  if (!message) return null;
  return (
    <p
      role="alert"
      className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-400/10 dark:text-red-200"
      data-testid={testId}
    >
      {message}
    </p>
  );
}

export function FormSuccess({ message, testId }: { message: string | null; testId?: string }) {
  if (!message) return null;
  return (
    <p
      role="status"
      className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-400/10 dark:text-emerald-200"
      data-testid={testId}
    >
      {message}
    </p>
  );
}
