import { ActionIcon, Group } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TimeSheet } from '../../shared/timesheets.js';
import { api } from '../api/client';
import { currentMonth, monthLabel, shiftMonth } from '../api/timesheetQueries';
import { QueryView } from '../components/lists/ListStates';
import { PageHeader } from '../components/PageHeader';
import { SheetView } from './MyTimeSheetPage';

/** A guide's month for the coordinator: log hours for the guide, correct approved entries by reversal. */
export function GuideHoursPage() {
  const { t, i18n } = useTranslation();
  const params = useParams();
  const guideId = params.id as string;
  const month = /^\d{4}-\d{2}$/.test(params.month ?? '') ? (params.month as string) : currentMonth();
  const sheet = useQuery({
    queryKey: ['timesheets', 'guide', guideId, month],
    queryFn: () => api.get<TimeSheet>(`/guides/${guideId}/time-sheets/${month}`),
  });
  const rtl = i18n.dir() === 'rtl';
  return (
    <>
      <PageHeader
        title={sheet.data ? t('timesheets.guideTitle', { name: sheet.data.guideName }) : t('timesheets.myTitle')}
        subtitle={monthLabel(month, i18n.language)}
        actions={
          <Group gap="xs">
            <ActionIcon
              component={Link}
              to={`/guides/${guideId}/hours/${shiftMonth(month, -1)}`}
              variant="default"
              size="xl"
              aria-label={t('timesheets.previousMonth')}
            >
              {rtl ? <IconChevronRight aria-hidden /> : <IconChevronLeft aria-hidden />}
            </ActionIcon>
            <ActionIcon
              component={Link}
              to={`/guides/${guideId}/hours/${shiftMonth(month, 1)}`}
              variant="default"
              size="xl"
              aria-label={t('timesheets.nextMonth')}
            >
              {rtl ? <IconChevronLeft aria-hidden /> : <IconChevronRight aria-hidden />}
            </ActionIcon>
          </Group>
        }
      />
      <QueryView query={sheet} loadingRows={4}>
        {(data) => <SheetView sheet={data} coordinator />}
      </QueryView>
    </>
  );
}
