import { Anchor, Box, List, Text, Title } from '@mantine/core';
import type { FormErrors } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import { type MouseEvent, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors, FormError } from './FormError';

/** The DOM id of the input for a form value path: "person.languages" → "rf-person-languages". */
export const fieldId = (prefix: string, path: string) => `${prefix}-${path.replaceAll('.', '-')}`;

/**
 * For `useForm({ enhanceGetInputProps })`: every input gets an id from its value path, so the error summary can
 * link to it. The prefix keeps ids unique when two forms share a page (a modal over a form).
 */
export const withFieldIds =
  (prefix: string) =>
  ({ field }: { field: string }) => ({ id: fieldId(prefix, field) });

type SummaryForm = {
  errors: FormErrors;
  setErrors: (errors: Record<string, string>) => void;
  getValues: () => unknown;
};

type SummaryState = { error: unknown; extra: string[]; attempt: number };

/**
 * State for an error summary: call `onInvalid` when client-side validation fails and `onServerError` when the
 * server refuses (or send through `run`); both move focus to the summary.
 */
export function useErrorSummary(form: SummaryForm, prefix: string) {
  const [state, setState] = useState<SummaryState>({ error: null, extra: [], attempt: 0 });
  const onInvalid = useCallback(() => setState((s) => ({ error: null, extra: [], attempt: s.attempt + 1 })), []);
  const onServerError = useCallback(
    (error: unknown, aliases?: Record<string, string>) => {
      const extra = applyServerErrors(form, error, aliases);
      setState((s) => ({ error, extra, attempt: s.attempt + 1 }));
    },
    [form],
  );
  const clear = useCallback(() => setState((s) => ({ ...s, error: null, extra: [] })), []);
  /** Sends the form: clears the last server error, and shows the next one if the server refuses again. */
  const run = useCallback(
    async (send: () => Promise<unknown>) => {
      clear();
      try {
        await send();
      } catch (error) {
        onServerError(error);
      }
    },
    [clear, onServerError],
  );
  return { onInvalid, onServerError, clear, run, summary: { errors: form.errors, prefix, ...state } };
}

/** The wrapper root of a group input (radio or checkbox group), which has no element with the field's own id. */
function groupRoot(id: string): HTMLElement | null {
  return document.getElementById(`${id}-label`)?.parentElement ?? null;
}

const FOCUSABLE = 'input:not([type=hidden]):not([disabled]), textarea, select, button, [tabindex]';

/** The element that takes focus for a field: the input itself, the checked radio, or the group's first input. */
function focusTarget(id: string): HTMLElement | null {
  const el = document.getElementById(id);
  if (el?.matches(FOCUSABLE)) return el;
  const root = el ?? groupRoot(id);
  return root?.querySelector<HTMLElement>('input:checked') ?? root?.querySelector<HTMLElement>(FOCUSABLE) ?? null;
}

/** The visible label of a field, without the required asterisk. */
function labelOf(id: string): string | null {
  const el = document.getElementById(id) as HTMLInputElement | null;
  const label = el?.labels?.[0] ?? document.getElementById(`${id}-label`);
  if (!label) return el?.getAttribute('aria-label') ?? null;
  const copy = label.cloneNode(true) as HTMLElement;
  for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
  return copy.textContent?.replace(/\s*\*\s*$/, '').trim() || null;
}

/**
 * GOV.UK-style error summary at the top of a form: "Bitte korrigieren Sie 3 Angaben", each message a link that
 * focuses its field. It takes focus after every failed submit so screen readers announce it; server field
 * errors (already placed at the fields) appear here too, and those without a field as plain items.
 */
export function ErrorSummary({
  errors,
  prefix,
  error,
  extra,
  attempt,
}: {
  errors: FormErrors;
  prefix: string;
  error: unknown;
  extra: string[];
  attempt: number;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const items = Object.entries(errors)
    .filter(([, message]) => message !== null && message !== undefined && message !== false && message !== '')
    .map(([path, message]) => ({ path, id: fieldId(prefix, path), message: String(message) }));
  const [labels, setLabels] = useState<Record<string, { label: string | null; linked: boolean }>>({});
  const signature = items.map((i) => i.id).join(' ');

  // Labels come from the rendered fields, so they are always the words the reader sees next to the input.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the signature stands for the list of fields
  useLayoutEffect(() => {
    const next: Record<string, { label: string | null; linked: boolean }> = {};
    for (const id of signature.split(' ').filter(Boolean))
      next[id] = { label: labelOf(id), linked: focusTarget(id) !== null };
    setLabels(next);
  }, [signature, attempt]);

  const count = items.length + extra.length;
  const visible = attempt > 0 && (count > 0 || !!error);

  useEffect(() => {
    if (attempt === 0) return;
    ref.current?.scrollIntoView?.({ block: 'start' });
    ref.current?.focus({ preventScroll: true });
  }, [attempt]);

  if (!visible) return null;
  // A refusal that concerns no field (a conflict, a lost connection) keeps the plain error banner.
  if (count === 0)
    return (
      <div ref={ref} tabIndex={-1} style={{ outline: 'none' }}>
        <FormError error={error} />
      </div>
    );

  function jump(event: MouseEvent<HTMLAnchorElement>, id: string) {
    const target = focusTarget(id);
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ block: 'center' });
    target.focus();
  }

  return (
    <Box
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby={`${prefix}-summary-title`}
      className="error-summary"
      data-testid="error-summary"
      mb="md"
      p="md"
      style={{
        border: '3px solid var(--mantine-color-red-7)',
        borderRadius: 'var(--mantine-radius-md)',
        background: 'var(--mantine-color-red-light)',
        // Clear of the sticky header when scrolled into view.
        scrollMarginTop: 80,
      }}
    >
      <Title
        order={2}
        size="h4"
        id={`${prefix}-summary-title`}
        mb="xs"
        style={{ display: 'flex', gap: 8, alignItems: 'center' }}
      >
        <IconAlertCircle aria-hidden size={22} color="var(--mantine-color-red-7)" />
        {t('forms.summary.title', { count })}
      </Title>
      <List size="sm" spacing={4} withPadding={false} listStyleType="none">
        {items.map((item) => {
          const label = labels[item.id]?.label;
          // The label in bold, then what to do: "Kurztitel – Bitte geben Sie einen kurzen Titel an."
          const text = label ? (
            <>
              <span style={{ fontWeight: 700 }}>{label}</span>
              {' – '}
              {item.message}
            </>
          ) : (
            item.message
          );
          return (
            <List.Item key={item.id}>
              {labels[item.id]?.linked === false ? (
                <Text size="sm" c="var(--mantine-color-red-9)">
                  {text}
                </Text>
              ) : (
                <Anchor
                  href={`#${item.id}`}
                  onClick={(e) => jump(e, item.id)}
                  size="sm"
                  c="var(--mantine-color-red-9)"
                  underline="always"
                >
                  {text}
                </Anchor>
              )}
            </List.Item>
          );
        })}
        {extra.map((message) => (
          <List.Item key={message}>
            <Text size="sm" c="var(--mantine-color-red-9)">
              {message}
            </Text>
          </List.Item>
        ))}
      </List>
    </Box>
  );
}
