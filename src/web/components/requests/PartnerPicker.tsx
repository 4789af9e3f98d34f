import { Select, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePartner, usePartnerList } from '../../api/queries';
import { SectionFieldset } from '../coordination/SectionCard';
import type { RequestFormType } from './requestFormValues';

/** Phone intake: the coordinator picks the partner organisation and, optionally, its contact person. */
export function PartnerPicker({ form }: { form: RequestFormType }) {
  const { t } = useTranslation();
  const partners = usePartnerList({ limit: 200 });
  const partnerId = form.getValues().partnerId;
  const partner = usePartner(partnerId || undefined);
  const contacts = partner.data?.contacts ?? [];
  return (
    <SectionFieldset
      title={t('requests.form.sectionPartner')}
      id="rf-partner"
      description={t('requests.form.intakeHint')}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('requests.field.partner')}
          required
          searchable
          data={(partners.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          nothingFoundMessage={t('common.nothingFound')}
          {...form.getInputProps('partnerId')}
          onChange={(v) => {
            form.setFieldValue('partnerId', v ?? '');
            form.setFieldValue('contactId', '');
          }}
        />
        <Select
          label={t('requests.field.contact')}
          clearable
          disabled={!partnerId || contacts.length === 0}
          placeholder={partnerId && contacts.length === 0 ? t('requests.form.noContacts') : undefined}
          data={contacts.map((c) => ({ value: c.id, label: c.name }))}
          {...form.getInputProps('contactId')}
        />
      </SimpleGrid>
    </SectionFieldset>
  );
}
