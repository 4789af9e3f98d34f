import { TextInput, type TextInputProps } from '@mantine/core';
import { type FocusEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDecimal, fractionDigits, parseDecimal } from '../../shared/numbers.js';

/** What the form holds: a number, null for an empty field, NaN while the text cannot be read. */
export type AmountValue = number | null;

type Props = Omit<TextInputProps, 'value' | 'onChange' | 'defaultValue' | 'type' | 'min' | 'max'> & {
  value?: AmountValue | string;
  onChange: (value: AmountValue) => void;
  min?: number;
  max?: number;
  /** Fraction digits allowed; 0 for whole numbers. */
  decimals?: number;
  /** Fraction digits always shown after leaving the field (2 for money). */
  minDecimals?: number;
};

const asNumber = (v: AmountValue | string | undefined): number | null =>
  typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null;

/**
 * A number field that reads what people type in their language: "2,80" and "2.80", Arabic "٢٫٨٠", Persian "۲٫۸".
 * Mantine's NumberInput knows one decimal separator and only Latin digits, and dropped the comma of "2,80" in the
 * Arabic UI, saving 280. The form receives a number (or NaN for unreadable text, which `amountRule` rejects).
 */
export function AmountInput({
  value,
  onChange,
  min,
  max,
  decimals = 2,
  minDecimals = 0,
  error,
  onBlur,
  onFocus,
  ...rest
}: Props) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const format = (n: number | null) =>
    n === null || Number.isNaN(n)
      ? ''
      : formatDecimal(n, locale, { grouping: false, minFractionDigits: minDecimals, maxFractionDigits: decimals });
  const [text, setText] = useState(() => format(asNumber(value)));
  const [touched, setTouched] = useState(false);
  const focused = useRef(false);
  const numeric = asNumber(value);

  const textRef = useRef(text);
  textRef.current = text;

  // A value set from outside (reset after saving, a loaded record, another language) replaces the text. While the
  // person types, text that already means the value stays as typed ("2," is 2); a reset after saving with Enter
  // still clears the field, so it never shows an amount the form no longer holds.
  // biome-ignore lint/correctness/useExhaustiveDependencies: format depends only on locale and the digit props
  useEffect(() => {
    if (numeric !== null && Number.isNaN(numeric)) return;
    if (focused.current) {
      const typed = textRef.current;
      const meant = typed.trim() === '' ? null : parseDecimal(typed, locale);
      if (meant === numeric || (meant !== null && problem(typed))) return;
    }
    setText(format(numeric));
  }, [numeric, locale, decimals, minDecimals]);

  const problem = (raw: string): string | null => {
    if (raw.trim() === '') return null;
    const n = parseDecimal(raw, locale);
    const example = formatDecimal(2.8, locale, {
      minFractionDigits: decimals > 0 ? 2 : 0,
      maxFractionDigits: decimals,
    });
    if (n === null) return decimals > 0 ? t('numbers.invalid', { example }) : t('numbers.invalidWhole');
    if (fractionDigits(n) > decimals)
      return decimals === 0 ? t('numbers.wholeOnly') : t('numbers.tooManyDecimals', { digits: decimals });
    if (min !== undefined && n < min) return t('numbers.tooSmall', { min: formatDecimal(min, locale) });
    if (max !== undefined && n > max) return t('numbers.tooBig', { max: formatDecimal(max, locale) });
    return null;
  };
  const localError = problem(text);

  return (
    <TextInput
      {...rest}
      inputMode={decimals > 0 ? 'decimal' : 'numeric'}
      autoComplete="off"
      value={text}
      error={error ? localError || error : touched ? localError : null}
      onFocus={(e: FocusEvent<HTMLInputElement>) => {
        focused.current = true;
        onFocus?.(e);
      }}
      onChange={(e) => {
        const raw = e.currentTarget.value;
        setText(raw);
        if (raw.trim() === '') return onChange(null);
        onChange(problem(raw) ? Number.NaN : (parseDecimal(raw, locale) as number));
      }}
      onBlur={(e: FocusEvent<HTMLInputElement>) => {
        focused.current = false;
        setTouched(true);
        const n = parseDecimal(text, locale);
        if (n !== null && !problem(text)) setText(format(n));
        onBlur?.(e);
      }}
    />
  );
}

/** Form rule for an AmountInput: unreadable or out-of-range text blocks saving (the field shows why). */
export const amountRule =
  (t: (key: string) => string, { required = false }: { required?: boolean } = {}) =>
  (value: unknown) =>
    typeof value === 'number' && Number.isNaN(value)
      ? t('numbers.fix')
      : required && (value === null || value === '' || value === undefined)
        ? t('validation.required')
        : null;
