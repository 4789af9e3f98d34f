import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../../shared/enums.js';
import { MAIL_SIGNATURE_MAX } from '../../../shared/settings.js';
import { api } from '../../api/client';
import { coordinationKeys, useOfficeSettings } from '../../api/coordinationQueries';
import type { OfficeSettings } from '../../api/coordinationTypes';
import { useApiMutation } from '../../api/queries';
import { ErrorSummary, useErrorSummary, withFieldIds } from '../ErrorSummary';
import { notifySuccess } from '../notify';
import { TranslationInputs } from './TranslationInputs';

/** Named as the setting, so the server's field errors (`mailSignature.de`) land on their inputs. */
type Values = { mailSignature: Record<Locale, string> };
const empty = (): Record<Locale, string> => Object.fromEntries(LOCALES.map((l) => [l, ''])) as Record<Locale, string>;

/**
 * The office's e-mail signature (issue 14 §1): German required, the other languages optional. Every mail the office
 * sends ends with it in the recipient's language, in German where there is none. Emptied entirely, there is none.
 */
export function MailSignatureCard() {
  const { t } = useTranslation();
  const settings = useOfficeSettings();
  const form = useForm<Values>({
    initialValues: { mailSignature: empty() },
    enhanceGetInputProps: withFieldIds('signature'),
    validate: {
      mailSignature: {
        de: (value, values) =>
          !value.trim() && Object.values(values.mailSignature).some((v) => v.trim())
            ? t('settings.signature.germanRequired')
            : null,
      },
    },
  });
  const errors = useErrorSummary(form, 'signature');
  const save = useApiMutation(
    (mailSignature: OfficeSettings['mailSignature']) => api.patch<OfficeSettings>('/settings', { mailSignature }),
    [coordinationKeys.settings],
  );
  const { setValues, resetDirty } = form;
  const stored = settings.data?.mailSignature;
  useEffect(() => {
    if (settings.data) {
      const values = { mailSignature: { ...empty(), ...stored } };
      setValues(values);
      resetDirty(values);
    }
  }, [settings.data, stored, setValues, resetDirty]);
  if (!settings.data) return null;

  function submit(values: Values) {
    return errors.run(async () => {
      const texts = Object.fromEntries(LOCALES.map((l) => [l, values.mailSignature[l].trim()])) as Record<
        Locale,
        string
      >;
      await save.mutateAsync(texts.de ? texts : null);
      notifySuccess(t('settings.signature.saved'));
    });
  }

  return (
    <Card padding="lg" component="section" aria-labelledby="signature-h">
      <Title order={2} size="h4" id="signature-h" mb="xs">
        {t('settings.signature.heading')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('settings.signature.intro')}
      </Text>
      <form onSubmit={form.onSubmit(submit, errors.onInvalid)} noValidate>
        <Stack>
          <ErrorSummary {...errors.summary} />
          <TranslationInputs
            form={form}
            path="mailSignature"
            locales={LOCALES}
            legend={t('settings.signature.legend')}
            hint={t('settings.signature.hint', { max: MAIL_SIGNATURE_MAX })}
            maxLength={MAIL_SIGNATURE_MAX}
            multiline
          />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
