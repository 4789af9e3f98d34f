import { ActionIcon, Tooltip } from '@mantine/core';
import { IconEdit, IconTrash } from '@tabler/icons-react';
import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/queries';
import { ConfirmDialog } from '../ConfirmDialog';
import { notifySuccess } from '../notify';

/** A tooltip only where asked for: icon buttons in dense tables name themselves on hover too. */
function Tip({ label, on, children }: { label: string; on: boolean; children: ReactElement }) {
  return on ? <Tooltip label={label}>{children}</Tooltip> : children;
}

/**
 * "Edit" and "delete" icon buttons for one row; their accessible names say which row ("Edit Linden"). A button is
 * left out when its handler is missing (the user may not do it).
 */
export function EditDeleteActions({
  name,
  onEdit,
  onDelete,
  tooltips = false,
  size,
}: {
  name: string;
  onEdit?: () => void;
  onDelete?: () => void;
  tooltips?: boolean;
  size?: number;
}) {
  const { t } = useTranslation();
  return (
    <>
      {onEdit && (
        <Tip label={t('common.edit')} on={tooltips}>
          <ActionIcon variant="subtle" size={size} aria-label={t('common.editNamed', { name })} onClick={onEdit}>
            <IconEdit size={18} aria-hidden />
          </ActionIcon>
        </Tip>
      )}
      {onDelete && (
        <Tip label={t('common.delete')} on={tooltips}>
          <ActionIcon
            variant="subtle"
            color="red"
            size={size}
            aria-label={t('common.deleteNamed', { name })}
            onClick={onDelete}
          >
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </Tip>
      )}
    </>
  );
}

type Editable = { name: string; abilities: { update?: boolean; delete?: boolean } };

/** Row actions for a named item that says what the user may do with it (its abilities from the server). */
export function editDeleteFor<T extends Editable>(
  onEdit?: (item: T) => void,
  onDelete?: (item: T) => void,
  options: { size?: number } = {},
) {
  return (item: T) => (
    <EditDeleteActions
      name={item.name}
      size={options.size}
      onEdit={onEdit && item.abilities.update ? () => onEdit(item) : undefined}
      onDelete={onDelete && item.abilities.delete ? () => onDelete(item) : undefined}
    />
  );
}

/**
 * Deleting a row after a confirmation: `ask(item)` opens the dialog; the server's refusal stays in the dialog, a
 * success closes it with a message. Render `dialog` once in the page.
 */
export function useConfirmDelete<T>({
  remove,
  invalidate,
  title,
  text,
  done,
}: {
  remove: (item: T) => Promise<unknown>;
  invalidate: readonly (readonly unknown[])[];
  title: string;
  text: (item: T) => string;
  done: (item: T) => string;
}) {
  const { t } = useTranslation();
  const [item, setItem] = useState<T | null>(null);
  const mutation = useApiMutation(remove, invalidate);
  const dialog = (
    <ConfirmDialog
      opened={item !== null}
      title={title}
      text={item === null ? '' : text(item)}
      confirmLabel={t('common.delete')}
      loading={mutation.isPending}
      error={mutation.error}
      onClose={() => {
        setItem(null);
        mutation.reset();
      }}
      onConfirm={() =>
        item !== null &&
        mutation.mutate(item, {
          onSuccess: () => {
            notifySuccess(done(item));
            setItem(null);
          },
        })
      }
    />
  );
  return { ask: setItem, dialog };
}
