import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequestDetail } from '../../api/coordinationTypes';
import { languageName } from '../../i18n/format';
import { SectionCard } from '../coordination/SectionCard';
import { Field, FieldList } from '../Field';

/** The name and contact a person gave on the public "ask for help" form: the API sends it to coordinators only. */
export function PublicContactSection({ contact }: { contact: NonNullable<RequestDetail['publicContact']> }) {
  const { t } = useTranslation();
  return (
    <SectionCard title={t('requests.publicContact.title')} id="req-public-contact">
      <Text size="sm" c="dimmed" mb="sm">
        {t('requests.publicContact.hint')}
      </Text>
      <FieldList>
        <Field label={t('requests.publicContact.name')}>
          <span dir="auto">{contact.name}</span>
        </Field>
        <Field label={t('requests.publicContact.channel')}>{t(`requests.contactChannel.${contact.channel}`)}</Field>
        <Field label={t('requests.publicContact.value')}>
          <span dir="auto">{contact.value}</span>
        </Field>
        <Field label={t('requests.publicContact.language')}>{languageName(contact.locale)}</Field>
      </FieldList>
    </SectionCard>
  );
}
