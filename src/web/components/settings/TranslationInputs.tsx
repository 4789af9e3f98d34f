import { Fieldset, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { Locale } from '../../../shared/enums.js';
import { LOCALE_NAMES } from '../../i18n';

/**
 * One input per language for an office text (a field name, the e-mail signature): compact, one column on a phone and
 * two from a tablet on. Each input is marked with its language and takes its direction from what is typed
 * (dir="auto"), so Arabic and Persian read right to left in a German page and German in an Arabic one.
 */
export function TranslationInputs<V>({
  form,
  path,
  locales,
  legend,
  hint,
  maxLength,
  multiline = false,
  required = [],
}: {
  form: UseFormReturnType<V>;
  /** Where the texts are in the form's values, e.g. "translations": the inputs bind to "translations.ar" etc. */
  path: string;
  locales: readonly Locale[];
  legend: string;
  hint?: string;
  maxLength: number;
  multiline?: boolean;
  required?: readonly Locale[];
}) {
  return (
    <Fieldset legend={legend} variant="unstyled">
      {hint && (
        <Text size="sm" c="dimmed" mb="xs">
          {hint}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
        {locales.map((l) => {
          const common = {
            label: <span lang={l}>{LOCALE_NAMES[l]}</span>,
            lang: l,
            dir: 'auto' as const,
            // The page's direction would align every input to its side; each text aligns to where it starts.
            styles: { input: { textAlign: 'start' as const } },
            maxLength,
            required: required.includes(l),
            ...form.getInputProps(`${path}.${l}`),
          };
          return multiline ? (
            <Textarea key={l} autosize minRows={2} maxRows={6} {...common} />
          ) : (
            <TextInput key={l} {...common} />
          );
        })}
      </SimpleGrid>
    </Fieldset>
  );
}
