import {
  Anchor,
  Button,
  Card,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconExternalLink } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DIRECTORY_MIN_GUIDES, type DirectorySettings } from '../../../shared/directory.js';
import { LOCALES, type Locale } from '../../../shared/enums.js';
import { api } from '../../api/client';
import { directoryKeys, useDirectorySettings } from '../../api/directoryQueries';
import { useApiMutation, useDistricts, useFields } from '../../api/queries';
import { directionOf, LOCALE_NAMES } from '../../i18n';
import { ErrorSummary, useErrorSummary, withFieldIds } from '../ErrorSummary';
import { notifySuccess } from '../notify';
import { ErrorState, LoadingState } from '../States';

type Values = Omit<
  DirectorySettings,
  'slug' | 'areas' | 'lat' | 'lon' | 'contactEmail' | 'contactPhone' | 'website'
> & {
  areas: string;
  lat: number | string;
  lon: number | string;
  contactEmail: string;
  contactPhone: string;
  website: string;
};

const toValues = (s: DirectorySettings): Values => ({
  ...s,
  areas: s.areas.join('\n'),
  lat: s.lat ?? '',
  lon: s.lon ?? '',
  contactEmail: s.contactEmail ?? '',
  contactPhone: s.contactPhone ?? '',
  website: s.website ?? '',
});

const number = (v: number | string) => (typeof v === 'number' ? v : v.trim() === '' ? null : Number(v));
const orNull = (v: string) => v.trim() || null;
const emptyTexts = () => Object.fromEntries(LOCALES.map((l) => [l, ''])) as Record<Locale, string>;

/** Settings → Directory: whether and how the office appears in the public directory of guide projects. */
export function DirectoryTab() {
  const { t } = useTranslation();
  const settings = useDirectorySettings();
  const fields = useFields();
  const districts = useDistricts();
  const form = useForm<Values>({
    initialValues: toValues({
      listed: false,
      provider: '',
      description: emptyTexts(),
      howToGetHelp: emptyTexts(),
      areas: [],
      lat: null,
      lon: null,
      contactEmail: null,
      contactPhone: null,
      website: null,
      showLanguages: true,
      fieldKeys: [],
      showVolunteerForm: true,
      slug: null,
    }),
    enhanceGetInputProps: withFieldIds('directory'),
  });
  const errors = useErrorSummary(form, 'directory');
  const save = useApiMutation(
    (body: unknown) => api.put<DirectorySettings>('/directory-settings', body),
    [directoryKeys.all],
  );
  const { setValues, resetDirty } = form;
  useEffect(() => {
    if (settings.data) {
      setValues(toValues(settings.data));
      resetDirty(toValues(settings.data));
    }
  }, [settings.data, setValues, resetDirty]);

  if (settings.isPending) return <LoadingState rows={6} />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;

  const submit = (v: Values) =>
    errors.run(async () => {
      await save.mutateAsync({
        listed: v.listed,
        provider: v.provider.trim(),
        description: v.description,
        howToGetHelp: v.howToGetHelp,
        areas: v.areas
          .split('\n')
          .map((a) => a.trim())
          .filter(Boolean),
        lat: number(v.lat),
        lon: number(v.lon),
        contactEmail: orNull(v.contactEmail),
        contactPhone: orNull(v.contactPhone),
        website: orNull(v.website),
        showLanguages: v.showLanguages,
        fieldKeys: v.fieldKeys,
        showVolunteerForm: v.showVolunteerForm,
      });
      notifySuccess(t('directory.settings.saved'));
    });

  // The centre of the office's districts is a good first map point for a city office.
  const fromDistricts = () => {
    const items = districts.data?.items ?? [];
    if (items.length === 0) return;
    const mean = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10_000) / 10_000;
    form.setFieldValue('lat', mean(items.map((d) => d.lat)));
    form.setFieldValue('lon', mean(items.map((d) => d.lon)));
  };

  const slug = settings.data.slug;
  return (
    <Card padding="lg" component="section" aria-labelledby="directory-h">
      <Group justify="space-between" align="flex-start" mb={4}>
        <Title order={2} size="h4" id="directory-h">
          {t('directory.settings.title')}
        </Title>
        {slug && settings.data.listed && (
          <Anchor component={Link} to={`/directory/${slug}`} size="sm">
            <Group gap={4} component="span" wrap="nowrap">
              {t('directory.settings.open')}
              <IconExternalLink size={14} aria-hidden />
            </Group>
          </Anchor>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t('directory.settings.intro', { min: DIRECTORY_MIN_GUIDES })}
      </Text>
      <form onSubmit={form.onSubmit(submit, errors.onInvalid)} noValidate>
        <Stack gap="lg">
          <ErrorSummary {...errors.summary} />
          <Switch
            label={t('directory.settings.listed')}
            description={t('directory.settings.listedHint')}
            {...form.getInputProps('listed', { type: 'checkbox' })}
          />
          <TextInput label={t('directory.settings.provider')} maxLength={200} {...form.getInputProps('provider')} />
          <Fieldset legend={t('directory.settings.texts')} variant="unstyled">
            <Text size="sm" c="dimmed" mb="xs">
              {t('directory.settings.textsHint')}
            </Text>
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              {LOCALES.map((l: Locale) => (
                <Stack key={l} gap="xs">
                  <Textarea
                    label={`${t('directory.settings.description')} (${LOCALE_NAMES[l]})`}
                    lang={l}
                    dir={directionOf(l)}
                    autosize
                    minRows={3}
                    maxLength={2000}
                    {...form.getInputProps(`description.${l}`)}
                  />
                  <Textarea
                    label={`${t('directory.settings.howToGetHelp')} (${LOCALE_NAMES[l]})`}
                    lang={l}
                    dir={directionOf(l)}
                    autosize
                    minRows={2}
                    maxLength={2000}
                    {...form.getInputProps(`howToGetHelp.${l}`)}
                  />
                </Stack>
              ))}
            </SimpleGrid>
          </Fieldset>
          <Textarea
            label={t('directory.settings.areas')}
            description={t('directory.settings.areasHint')}
            autosize
            minRows={3}
            {...form.getInputProps('areas')}
          />
          <Fieldset legend={t('directory.settings.map')} variant="unstyled">
            <Text size="sm" c="dimmed" mb="xs">
              {t('directory.settings.mapHint')}
            </Text>
            <Group align="flex-end" wrap="wrap">
              <NumberInput
                label={t('directory.settings.lat')}
                min={-90}
                max={90}
                decimalScale={5}
                dir="ltr"
                w={160}
                {...form.getInputProps('lat')}
              />
              <NumberInput
                label={t('directory.settings.lon')}
                min={-180}
                max={180}
                decimalScale={5}
                dir="ltr"
                w={160}
                {...form.getInputProps('lon')}
              />
              <Button variant="default" onClick={fromDistricts} disabled={!districts.data?.items.length}>
                {t('directory.settings.fromDistricts')}
              </Button>
            </Group>
          </Fieldset>
          <Fieldset legend={t('directory.settings.contact')} variant="unstyled">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t('directory.settings.contactEmail')}
                type="email"
                dir="ltr"
                {...form.getInputProps('contactEmail')}
              />
              <TextInput
                label={t('directory.settings.contactPhone')}
                type="tel"
                dir="ltr"
                {...form.getInputProps('contactPhone')}
              />
              <TextInput
                label={t('directory.settings.website')}
                type="url"
                dir="ltr"
                placeholder="https://"
                {...form.getInputProps('website')}
              />
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend={t('directory.settings.what')} variant="unstyled">
            <Stack gap="sm">
              <Checkbox
                label={t('directory.settings.showLanguages')}
                {...form.getInputProps('showLanguages', { type: 'checkbox' })}
              />
              <Checkbox
                label={t('directory.settings.showVolunteerForm')}
                {...form.getInputProps('showVolunteerForm', { type: 'checkbox' })}
              />
              <Checkbox.Group label={t('directory.settings.fieldKeys')} {...form.getInputProps('fieldKeys')}>
                <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
                  {(fields.data?.items ?? []).map((f) => (
                    <Checkbox key={f.key} value={f.key} label={f.name} />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
            </Stack>
          </Fieldset>
          <div>
            <Button type="submit" loading={save.isPending}>
              {t('directory.settings.save')}
            </Button>
          </div>
        </Stack>
      </form>
    </Card>
  );
}
