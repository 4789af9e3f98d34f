import { useTranslation } from 'react-i18next';
import { useReferenceNames } from '../api/queries';

/**
 * Labels for districts in the office's word ("Stadtbezirk" or "Ortsteil", office settings): one word everywhere,
 * chosen by i18n context so each UI language has its own translation of both.
 */
export function useDistrictTerm() {
  const { t } = useTranslation();
  const { districtTerm: term } = useReferenceNames();
  return {
    term,
    label: t('forms.district.label', { context: term }),
    plural: t('forms.district.plural', { context: term }),
    home: t('forms.district.home', { context: term }),
    service: t('forms.district.service', { context: term }),
    required: t('forms.required.district', { context: term }),
  };
}
