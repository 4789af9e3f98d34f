import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../components/PageHeader';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={560} data-page="not-found">
      <PageHeader title={t('notFound.title')} />
      <Text>{t('notFound.text')}</Text>
      <Button component={Link} to="/" w="fit-content">
        {t('notFound.home')}
      </Button>
    </Stack>
  );
}
