import { Checkbox, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { keys, useApiMutation } from '../../api/queries';
import { useErrorSummary, withFieldIds } from '../ErrorSummary';
import { FormModal } from '../FormModal';
import { notifySuccess } from '../notify';

export function ContactModal({
  partnerId,
  opened,
  onClose,
}: {
  partnerId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { name: '', email: '', phone: '', invite: true },
    validate: {
      name: (v) => (v.trim() ? null : t('forms.required.name')),
      email: (v) => (v.trim() ? null : t('validation.field.email.required')),
    },
    enhanceGetInputProps: withFieldIds('contact'),
  });
  const errors = useErrorSummary(form, 'contact');
  const add = useApiMutation(
    (v: typeof form.values) =>
      api.post(`/partners/${partnerId}/contacts`, {
        name: v.name.trim(),
        email: v.email.trim(),
        phone: v.phone.trim() || null,
        invite: v.invite,
      }),
    [keys.partner(partnerId), keys.partners],
  );

  function close() {
    form.reset();
    add.reset();
    errors.clear();
    onClose();
  }

  function submit(values: typeof form.values) {
    return errors.run(async () => {
      await add.mutateAsync(values);
      notifySuccess(values.invite ? t('partners.contactInvited', { email: values.email }) : t('partners.contactAdded'));
      close();
    });
  }

  return (
    <FormModal
      opened={opened}
      onClose={close}
      title={t('partners.addContact')}
      onSubmit={form.onSubmit(submit, errors.onInvalid)}
      busy={add.isPending}
      summary={errors.summary}
      submitLabel={t('partners.addContactSubmit')}
    >
      <TextInput label={t('partners.contact.name')} required data-autofocus {...form.getInputProps('name')} />
      <TextInput label={t('partners.contact.email')} type="email" required {...form.getInputProps('email')} />
      <TextInput label={t('partners.contact.phone')} type="tel" dir="ltr" {...form.getInputProps('phone')} />
      <Checkbox
        label={t('partners.contact.invite')}
        description={t('partners.contact.inviteHint')}
        {...form.getInputProps('invite', { type: 'checkbox' })}
      />
    </FormModal>
  );
}
