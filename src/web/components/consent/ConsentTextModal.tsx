import { Tabs, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { ConsentKind, ConsentText } from '../../../shared/consent.js';
import { LOCALES, type Locale, RTL_LOCALES } from '../../../shared/enums.js';
import { api } from '../../api/client';
import { consentKeys } from '../../api/consentQueries';
import { useApiMutation } from '../../api/queries';
import { useErrorSummary, withFieldIds } from '../ErrorSummary';
import { FormModal } from '../FormModal';
import { notifySuccess } from '../notify';

/** Each text is written in its own direction, whatever the interface language. */
const textDirection = (l: Locale) =>
  RTL_LOCALES.includes(l)
    ? ({ direction: 'rtl', textAlign: 'right' } as const)
    : ({ direction: 'ltr', textAlign: 'left' } as const);

type Values = { texts: Record<Locale, { title: string; body: string }>; changeNote: string };

/**
 * A new version (from the one in force, as a starting point) or the draft being edited. German is required; English
 * and Arabic are kept when both title and text are filled in.
 */
export function ConsentTextModal({
  kind,
  draft,
  base,
  onClose,
}: {
  kind: ConsentKind;
  draft: ConsentText | null;
  base: ConsentText | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const from = draft ?? base;
  const form = useForm<Values>({
    initialValues: {
      texts: Object.fromEntries(
        LOCALES.map((l) => [l, { title: from?.texts[l]?.title ?? '', body: from?.texts[l]?.body ?? '' }]),
      ) as Values['texts'],
      changeNote: draft?.changeNote ?? '',
    },
    enhanceGetInputProps: withFieldIds('consent'),
    validate: {
      texts: {
        de: {
          title: (v) => (v.trim() ? null : t('consent.form.titleRequired')),
          body: (v) => (v.trim().length >= 20 ? null : t('consent.form.bodyRequired')),
        },
      },
    },
  });
  const errors = useErrorSummary(form, 'consent');
  const save = useApiMutation(
    (body: Record<string, unknown>) => {
      return draft ? api.patch(`/consent-texts/${draft.id}`, body) : api.post('/consent-texts', { kind, ...body });
    },
    [consentKeys.all],
  );

  function submit(v: Values) {
    const texts = Object.fromEntries(
      LOCALES.filter((l) => l === 'de' || (v.texts[l].title.trim() && v.texts[l].body.trim())).map((l) => [
        l,
        { title: v.texts[l].title.trim(), body: v.texts[l].body.trim() },
      ]),
    );
    return errors.run(async () => {
      await save.mutateAsync({ texts, changeNote: v.changeNote.trim() || null });
      notifySuccess(t('consent.draftSaved'));
      onClose();
    });
  }

  return (
    <FormModal
      opened
      title={draft ? t('consent.editDraft') : t('consent.newVersion')}
      onClose={onClose}
      onSubmit={form.onSubmit(submit, errors.onInvalid)}
      busy={save.isPending}
      summary={errors.summary}
      submitLabel={t('consent.saveDraft')}
    >
      <Tabs defaultValue="de" keepMounted>
        <Tabs.List>
          {LOCALES.map((l) => (
            <Tabs.Tab key={l} value={l}>
              {t(`consent.language.${l}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {LOCALES.map((l) => (
          <Tabs.Panel key={l} value={l} pt="sm">
            <TextInput
              label={t('consent.form.title')}
              required={l === 'de'}
              lang={l}
              styles={{ input: textDirection(l) }}
              {...form.getInputProps(`texts.${l}.title`)}
            />
            <Textarea
              mt="sm"
              label={t('consent.form.body')}
              description={t('consent.form.bodyHint')}
              required={l === 'de'}
              autosize
              minRows={8}
              maxRows={16}
              lang={l}
              styles={{ input: textDirection(l) }}
              {...form.getInputProps(`texts.${l}.body`)}
            />
          </Tabs.Panel>
        ))}
      </Tabs>
      <TextInput
        label={t('consent.form.changeNote')}
        description={t('consent.form.changeNoteHint')}
        {...form.getInputProps('changeNote')}
      />
    </FormModal>
  );
}
