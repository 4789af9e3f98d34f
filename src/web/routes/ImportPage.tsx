import { Alert, Anchor, Button, FileInput, Group, Radio, Select, Stack, Stepper, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  IMPORT_KINDS,
  IMPORT_MATCH_KEYS,
  IMPORT_MAX_BYTES,
  type ImportKind,
  type ImportMapping,
  type ImportMatchKey,
  type ImportPreview,
  type ImportResult,
  type ImportRowError,
} from '../../shared/imports.js';
import { ApiError, apiUrl } from '../api/client';
import { fileAsBase64, importApi } from '../api/importQueries';
import { keys } from '../api/queries';
import { ErrorSummary, useErrorSummary, withFieldIds } from '../components/ErrorSummary';
import { FormError } from '../components/FormError';
import { ImportErrors, ImportRows } from '../components/imports/ImportTables';
import { PageHeader } from '../components/PageHeader';

const STEPS = ['upload', 'mapping', 'preview', 'result'] as const;
const NONE = '__none__';

/** Row errors of a refused commit (422): paths "rows.<row>.<field>" as lines of the error table. */
function commitErrors(error: unknown, preview: ImportPreview): ImportRowError[] | null {
  if (!(error instanceof ApiError) || error.code !== 'import_has_errors') return null;
  return error.fieldErrors.map((e) => {
    const [, row, field = ''] = e.path.split('.');
    return { row: Number(row), field, column: preview.mapping[field] ?? null, code: e.code, message: e.message };
  });
}

export function ImportPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const initialKind = (IMPORT_KINDS as readonly string[]).includes(params.get('kind') ?? '')
    ? (params.get('kind') as ImportKind)
    : 'guides';
  const [step, setStep] = useState(0);
  const [content, setContent] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Record<string, string | null>>({});
  const [matchBy, setMatchBy] = useState<ImportMatchKey>('email');
  const [rowErrors, setRowErrors] = useState<ImportRowError[]>([]);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const form = useForm<{ kind: ImportKind; file: File | null }>({
    mode: 'controlled',
    initialValues: { kind: initialKind, file: null },
    enhanceGetInputProps: withFieldIds('imp'),
    validate: {
      file: (f) => (!f ? t('imports.noFile') : f.size > IMPORT_MAX_BYTES ? t('imports.fileTooLarge') : null),
    },
  });
  const errors = useErrorSummary(form, 'imp');
  const kind = form.values.kind;

  const show = (p: ImportPreview) => {
    setPreview(p);
    setMapping(p.mapping);
    setMatchBy(p.matchBy);
    setRowErrors(p.errors);
  };

  const read = form.onSubmit(async (values) => {
    setBusy(true);
    try {
      await errors.run(async () => {
        const base64 = await fileAsBase64(values.file as File);
        try {
          const p = await importApi.preview(values.kind, { content: base64 });
          setContent(base64);
          show(p);
          setStep(1);
        } catch (error) {
          // The file's problems (too large, unreadable) belong to the file input.
          if (error instanceof ApiError) errors.onServerError(error, { content: 'file' });
          else throw error;
        }
      });
    } finally {
      setBusy(false);
    }
  }, errors.onInvalid);

  const check = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const chosen = Object.fromEntries(Object.entries(mapping).filter(([, c]) => c)) as ImportMapping;
      show(await importApi.preview(kind, { content, mapping: chosen, matchBy }));
      setStep(2);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    if (!preview) return;
    setBusy(true);
    setFailure(null);
    try {
      const chosen = Object.fromEntries(Object.entries(mapping).filter(([, c]) => c)) as ImportMapping;
      const done = await importApi.commit(kind, { content, mapping: chosen, matchBy });
      await queryClient.invalidateQueries({ queryKey: kind === 'guides' ? keys.guides : keys.partners });
      setResult(done);
      setStep(3);
    } catch (error) {
      const lines = commitErrors(error, preview);
      if (lines) setRowErrors(lines);
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const restart = () => {
    setFailure(null);
    setStep(0);
    setPreview(null);
    setResult(null);
    setRowErrors([]);
    form.setFieldValue('file', null);
  };

  const stepLabel = (i: number) => t(`imports.step.${STEPS[i]}`);
  const columns = preview?.columns ?? [];
  const matchOptions = IMPORT_MATCH_KEYS.filter((k) => k !== 'externalKey' || mapping.externalKey).map((k) => ({
    value: k,
    label: t(`imports.match.${k}`),
  }));

  return (
    <>
      <PageHeader title={t('imports.title')} crumbs={[{ label: t(`imports.kind.${kind}`), to: `/${kind}` }]} />
      <Text mb="md">{t('imports.intro')}</Text>
      <Stepper active={step} size="sm" mb="lg" visibleFrom="sm" allowNextStepsSelect={false}>
        {STEPS.map((s, i) => (
          <Stepper.Step key={s} label={stepLabel(i)} />
        ))}
      </Stepper>
      <Text hiddenFrom="sm" fw={600} mb="sm" aria-live="polite">
        {`${step + 1}/${STEPS.length} · ${stepLabel(step)}`}
      </Text>

      {step === 0 && (
        <form onSubmit={read} noValidate>
          <Stack maw={560}>
            <ErrorSummary {...errors.summary} />
            <Radio.Group label={t('imports.kindLabel')} {...form.getInputProps('kind')}>
              <Group mt="xs">
                {IMPORT_KINDS.map((k) => (
                  <Radio key={k} value={k} label={t(`imports.kind.${k}`)} />
                ))}
              </Group>
            </Radio.Group>
            <FileInput
              label={t('imports.fileLabel')}
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
              clearable
              withAsterisk
              {...form.getInputProps('file')}
            />
            <Anchor href={apiUrl(`/imports/${kind}/sample.xlsx`)} download>
              <Group gap={4} component="span">
                <IconDownload size={16} aria-hidden />
                {t('imports.sample')}
              </Group>
            </Anchor>
            <Group>
              <Button type="submit" loading={busy}>
                {t('imports.read')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}

      {step === 1 && preview && (
        <Stack maw={640}>
          <FormError error={failure} />
          <Text>{t('imports.mappingIntro')}</Text>
          <Alert color="blue" variant="light">
            {t(`imports.mappingSource.${preview.mappingSource}`)}
          </Alert>
          {preview.fields.map((f) => (
            <Select
              key={f.key}
              id={`imp-mapping-${f.key}`}
              label={t(`imports.field.${kind}.${f.key}`)}
              withAsterisk={f.required}
              data={[{ value: NONE, label: t('imports.notImported') }, ...columns.map((c) => ({ value: c, label: c }))]}
              value={mapping[f.key] ?? NONE}
              onChange={(v) => setMapping((m) => ({ ...m, [f.key]: v && v !== NONE ? v : null }))}
              allowDeselect={false}
            />
          ))}
          <Select
            id="imp-matchBy"
            label={t('imports.matchBy')}
            data={matchOptions}
            value={matchOptions.some((o) => o.value === matchBy) ? matchBy : 'email'}
            onChange={(v) => v && setMatchBy(v as ImportMatchKey)}
            allowDeselect={false}
          />
          <Group>
            <Button variant="default" onClick={() => setStep(0)}>
              {t('imports.back')}
            </Button>
            <Button onClick={check} loading={busy}>
              {t('imports.check')}
            </Button>
          </Group>
        </Stack>
      )}

      {step === 2 && preview && (
        <Stack>
          <Text fw={600} aria-live="polite">
            {t('imports.counts', {
              ...Object.fromEntries(
                Object.entries(preview.counts).map(([k, v]) => [k, new Intl.NumberFormat(i18n.language).format(v)]),
              ),
            })}
          </Text>
          <FormError error={failure} />
          {rowErrors.length > 0 && <ImportErrors errors={rowErrors} kind={kind} />}
          <Group>
            <Button variant="default" onClick={() => setStep(1)}>
              {t('imports.back')}
            </Button>
            <Button variant="default" onClick={restart}>
              {t('imports.uploadOther')}
            </Button>
            <Button onClick={commit} loading={busy} disabled={rowErrors.length > 0 || preview.counts.rows === 0}>
              {t('imports.commit')}
            </Button>
          </Group>
          <ImportRows rows={preview.rows} />
        </Stack>
      )}

      {step === 3 && result && (
        <Stack maw={560}>
          <Title order={2} size="h3">
            {t('imports.done')}
          </Title>
          <Alert color="teal" variant="light" role="status">
            {t('imports.resultText', result)}
          </Alert>
          <Group>
            <Button component={Link} to={`/${kind}`}>
              {t(`imports.toList.${kind}`)}
            </Button>
            <Button variant="default" onClick={restart}>
              {t('imports.again')}
            </Button>
          </Group>
        </Stack>
      )}
    </>
  );
}
