import { Alert, List } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { errorMessage } from './States';

type SettableForm = { setErrors: (errors: Record<string, string>) => void; getValues: () => unknown };

function hasPath(values: unknown, path: string): boolean {
  let node: unknown = values;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object' || !(part in (node as object))) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return true;
}

/**
 * Puts the server's translated field messages at the form fields (dot paths such as "languages.0.code" match
 * the form's value paths) and returns the messages that belong to no visible field.
 */
export function applyServerErrors(form: SettableForm, error: unknown, aliases: Record<string, string> = {}): string[] {
  if (!(error instanceof ApiError)) return [];
  const mapped: Record<string, string> = {};
  const rest: string[] = [];
  for (const item of error.fieldErrors) {
    const path = aliases[item.path] ?? item.path;
    if (path && hasPath(form.getValues(), path)) mapped[path] = item.message;
    else rest.push(item.path ? `${item.path}: ${item.message}` : item.message);
  }
  form.setErrors(mapped);
  return rest;
}

/** The server's error title above a form, with messages that could not be shown at a field. */
export function FormError({ error, extra = [] }: { error: unknown; extra?: string[] }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertCircle aria-hidden />}
      title={errorMessage(error, t)}
      role="alert"
      mb="md"
    >
      {extra.length > 0 && (
        <List size="sm">
          {extra.map((m) => (
            <List.Item key={m}>{m}</List.Item>
          ))}
        </List>
      )}
      {extra.length === 0 && error instanceof ApiError && error.fieldErrors.length > 0 && t('common.checkFields')}
      {error instanceof ApiError && error.code === 'network_error' && t('feedback.notSaved')}
    </Alert>
  );
}
