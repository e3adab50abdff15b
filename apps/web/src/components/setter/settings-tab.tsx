'use client';
import type { CheckerSpec, FunctionSignature, ProblemManifest, ProblemStyle } from '@oj/shared';
import { useTranslations } from 'next-intl';
import { CHECKER_FILE, setFile, updateManifest, type WorkingCopy } from '@/lib/working-copy';
import { Field, ListInput, NumberInput } from './fields';
import { SourceEditor } from './source-editor';

const CHECKERS = ['lines', 'tokens', 'float', 'unordered', 'custom'] as const;
const DIFFICULTIES: ProblemManifest['difficulty'][] = ['easy', 'medium', 'hard'];
const LIMITS = ['timeMs', 'memoryMb', 'outputKb', 'stackMb'] as const;

export const CHECKER_TEMPLATE = `// check(input, expected, actual): the test's input, its expected output and the program's output, as strings
// (JSON texts for function-style problems). Return true or false, or { verdict: 'AC' | 'WA', score?, message? }.
function check(input, expected, actual) {
  return expected.trim() === actual.trim();
}
`;

export const DEFAULT_SIGNATURE: FunctionSignature = {
  name: 'solve',
  params: [{ name: 'nums', type: 'number[]' }],
  returns: 'number',
};

function checkerFor(type: CheckerSpec['type'], current: CheckerSpec): CheckerSpec {
  switch (type) {
    case 'float':
      return current.type === 'float' ? current : { type: 'float', absolute: 1e-6, relative: 1e-6 };
    case 'custom':
      return { type: 'custom', file: CHECKER_FILE };
    case 'lines':
    case 'tokens':
    case 'unordered':
      return { type };
  }
}

export function SettingsTab({
  copy,
  onChange,
  readOnly,
}: {
  copy: WorkingCopy;
  onChange: (copy: WorkingCopy) => void;
  readOnly: boolean;
}) {
  const t = useTranslations('setter');
  const { manifest } = copy;
  const set = (patch: Parameters<typeof updateManifest>[1]) => onChange(updateManifest(copy, patch));
  const signature = manifest.function ?? DEFAULT_SIGNATURE;
  const setSignature = (patch: Partial<FunctionSignature>) => set({ function: { ...signature, ...patch } });
  const checkerFile = manifest.checker.type === 'custom' ? manifest.checker.file : CHECKER_FILE;
  const checkerCode = copy.files[checkerFile]?.text ?? null;

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <section className="card space-y-3 p-4" aria-labelledby="settings-general">
        <h2 id="settings-general" className="font-semibold">
          {t('general')}
        </h2>
        <Field label={t('title')} htmlFor="setting-title">
          <input
            id="setting-title"
            data-testid="setting-title"
            className="input"
            value={manifest.title}
            readOnly={readOnly}
            onChange={(event) => set({ title: event.target.value })}
          />
        </Field>
        <Field label={t('titleZh')} htmlFor="setting-title-zh" hint={t('optional')}>
          <input
            id="setting-title-zh"
            className="input"
            lang="zh"
            value={manifest.titles.zh ?? ''}
            readOnly={readOnly}
            onChange={(event) => set({ titles: { ...manifest.titles, zh: event.target.value } })}
          />
        </Field>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label={t('difficulty')} htmlFor="setting-difficulty">
            <select
              id="setting-difficulty"
              className="input"
              value={manifest.difficulty}
              disabled={readOnly}
              onChange={(event) => set({ difficulty: event.target.value as ProblemManifest['difficulty'] })}
            >
              {DIFFICULTIES.map((difficulty) => (
                <option key={difficulty} value={difficulty}>
                  {t(`difficulties.${difficulty}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('tags')} htmlFor="setting-tags" hint={t('tagsHint')}>
            <ListInput id="setting-tags" value={manifest.tags} readOnly={readOnly} onChange={(tags) => set({ tags })} />
          </Field>
        </div>
      </section>

      <section className="card space-y-3 p-4" aria-labelledby="settings-limits">
        <h2 id="settings-limits" className="font-semibold">
          {t('limits')}
        </h2>
        <div className="grid grid-cols-2 gap-3">
          {LIMITS.map((limit) => (
            <Field key={limit} label={t(`limit.${limit}`)} htmlFor={`limit-${limit}`}>
              <NumberInput
                id={`limit-${limit}`}
                testId={`limit-${limit}`}
                value={manifest.limits[limit]}
                readOnly={readOnly}
                onChange={(value) => set({ limits: { ...manifest.limits, [limit]: value } })}
              />
            </Field>
          ))}
        </div>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">{t('limitsHint')}</p>
      </section>

      <section className="card space-y-3 p-4" aria-labelledby="settings-style">
        <h2 id="settings-style" className="font-semibold">
          {t('style')}
        </h2>
        <StyleChoice
          value={manifest.style}
          readOnly={readOnly}
          onChange={(style) =>
            set(
              style === 'function'
                ? { style, function: manifest.function ?? DEFAULT_SIGNATURE }
                : { style, function: undefined },
            )
          }
        />
        {manifest.style === 'function' ? (
          <SignatureFields signature={signature} readOnly={readOnly} onChange={setSignature} />
        ) : (
          <p className="text-xs text-zinc-500 dark:text-zinc-400">{t('stdioHint')}</p>
        )}
      </section>

      <section className="card space-y-3 p-4 lg:col-span-1" aria-labelledby="settings-checker">
        <h2 id="settings-checker" className="font-semibold">
          {t('checker')}
        </h2>
        <Field label={t('checkerType')} htmlFor="setting-checker" hint={t(`checkers.${manifest.checker.type}Hint`)}>
          <select
            id="setting-checker"
            data-testid="setting-checker"
            className="input"
            value={manifest.checker.type}
            disabled={readOnly}
            onChange={(event) => {
              const checker = checkerFor(event.target.value as CheckerSpec['type'], manifest.checker);
              let next = updateManifest(copy, { checker });
              if (checker.type === 'custom' && !(checker.file in copy.files))
                next = setFile(next, checker.file, CHECKER_TEMPLATE);
              onChange(next);
            }}
          >
            {CHECKERS.map((type) => (
              <option key={type} value={type}>
                {t(`checkers.${type}`)}
              </option>
            ))}
          </select>
        </Field>
        {manifest.checker.type === 'float' ? (
          <div className="grid grid-cols-2 gap-3">
            {(['absolute', 'relative'] as const).map((kind) => (
              <Field key={kind} label={t(`tolerance.${kind}`)} htmlFor={`tolerance-${kind}`}>
                <NumberInput
                  id={`tolerance-${kind}`}
                  value={manifest.checker.type === 'float' ? manifest.checker[kind] : 0}
                  readOnly={readOnly}
                  onChange={(value) =>
                    manifest.checker.type === 'float' && set({ checker: { ...manifest.checker, [kind]: value } })
                  }
                />
              </Field>
            ))}
          </div>
        ) : null}
      </section>
      {manifest.checker.type === 'custom' ? (
        <section className="card space-y-2 p-4 lg:col-span-2" aria-labelledby="settings-custom-checker">
          <h2 id="settings-custom-checker" className="font-semibold">
            <code className="font-mono">{checkerFile}</code>
          </h2>
          {checkerCode === null ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('largeFile')}</p>
          ) : (
            <SourceEditor
              value={checkerCode}
              documentKey={checkerFile}
              language="javascript"
              label={t('checkerEditor')}
              readOnly={readOnly}
              onChange={(code) => onChange(setFile(copy, checkerFile, code))}
            />
          )}
        </section>
      ) : null}
    </div>
  );
}

function StyleChoice({
  value,
  onChange,
  readOnly,
}: {
  value: ProblemStyle;
  onChange: (style: ProblemStyle) => void;
  readOnly: boolean;
}) {
  const t = useTranslations('setter');
  return (
    <fieldset className="grid gap-2 sm:grid-cols-2" disabled={readOnly}>
      <legend className="sr-only">{t('style')}</legend>
      {(['stdio', 'function'] as const).map((style) => (
        <label
          key={style}
          className={`flex cursor-pointer gap-2 rounded-md border p-3 text-sm ${
            value === style
              ? 'border-emerald-600 bg-emerald-50 dark:bg-emerald-400/10'
              : 'border-zinc-300 dark:border-zinc-700'
          }`}
        >
          <input
            type="radio"
            name="style"
            value={style}
            checked={value === style}
            onChange={() => onChange(style)}
            data-testid={`style-${style}`}
          />
          <span>
            <span className="block font-medium">{t(`styles.${style}`)}</span>
            <span className="block text-xs text-zinc-600 dark:text-zinc-400">{t(`styles.${style}Hint`)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

export function SignatureFields({
  signature,
  onChange,
  readOnly,
}: {
  signature: FunctionSignature;
  onChange: (patch: Partial<FunctionSignature>) => void;
  readOnly: boolean;
}) {
  const t = useTranslations('setter');
  const setParam = (index: number, patch: Partial<FunctionSignature['params'][number]>) =>
    onChange({ params: signature.params.map((param, at) => (at === index ? { ...param, ...patch } : param)) });
  return (
    <div className="space-y-3" data-testid="signature">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t('functionName')} htmlFor="signature-name">
          <input
            id="signature-name"
            data-testid="signature-name"
            className="input font-mono"
            value={signature.name}
            readOnly={readOnly}
            onChange={(event) => onChange({ name: event.target.value })}
          />
        </Field>
        <Field label={t('returns')} htmlFor="signature-returns">
          <input
            id="signature-returns"
            data-testid="signature-returns"
            className="input font-mono"
            value={signature.returns}
            readOnly={readOnly}
            onChange={(event) => onChange({ returns: event.target.value })}
          />
        </Field>
      </div>
      <div>
        <p className="mb-1 text-sm font-medium">{t('params')}</p>
        <ul className="space-y-2">
          {signature.params.map((param, index) => (
            <li key={index} className="flex gap-2">
              <input
                aria-label={t('paramName', { number: index + 1 })}
                className="input min-w-0 flex-1 font-mono"
                value={param.name}
                readOnly={readOnly}
                onChange={(event) => setParam(index, { name: event.target.value })}
              />
              <input
                aria-label={t('paramType', { number: index + 1 })}
                className="input min-w-0 flex-1 font-mono"
                value={param.type}
                readOnly={readOnly}
                onChange={(event) => setParam(index, { type: event.target.value })}
              />
              {!readOnly ? (
                <button
                  type="button"
                  className="btn-ghost px-2"
                  aria-label={t('removeParam', { number: index + 1 })}
                  onClick={() => onChange({ params: signature.params.filter((_, at) => at !== index) })}
                >
                  ✕
                </button>
              ) : null}
            </li>
          ))}
        </ul>
        {!readOnly ? (
          <button
            type="button"
            className="btn-secondary mt-2"
            onClick={() =>
              onChange({ params: [...signature.params, { name: `arg${signature.params.length + 1}`, type: 'number' }] })
            }
          >
            {t('addParam')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
