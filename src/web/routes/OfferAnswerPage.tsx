import { Alert, Anchor, Button, Paper, Stack, Text, Textarea } from '@mantine/core';
import { IconCheck, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError, api } from '../api/client';
import { coordinationKeys, useOfferLink } from '../api/coordinationQueries';
import type { OfferLink } from '../api/coordinationTypes';
import { AuthLayout } from '../components/AuthLayout';
import { formatMoment } from '../components/coordination/format';
import { FormError } from '../components/FormError';
import { errorMessage, LoadingState } from '../components/States';
import { formatDate } from '../i18n/format';

type Answer = 'accept' | 'decline';

/** Which request the link answers, named before the guide presses anything. */
function LinkSummary({ link }: { link: OfferLink }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" bg="gray.0" aria-labelledby="offer-link-request">
      <Text size="xs" c="dimmed" fw={600}>
        {t('offers.link.answersRequest')}
      </Text>
      <Text fw={650} id="offer-link-request">
        {link.requestTitle}
      </Text>
      <Text size="sm" className="tabular">
        {link.districtName} · {t('offers.link.startsOn', { date: formatDate(link.startsOn) })}
      </Text>
      {link.status === 'pending' && (
        <Text size="sm" fw={500} mt={4} className="tabular">
          {t('offers.answerUntil', {
            date: formatMoment(link.expiresAt, { timeZone: link.timeZone, weekday: true }),
          })}
        </Text>
      )}
    </Paper>
  );
}

/**
 * The page behind the links in the offer e-mail. It works without signing in, and it answers only when the
 * guide presses the button: mail scanners that open links must never accept or decline on their behalf.
 */
export function OfferAnswerPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const raw = params.get('answer');
  const answer: Answer | null = raw === 'accept' || raw === 'decline' ? raw : null;
  const [reason, setReason] = useState('');
  const client = useQueryClient();
  const link = useOfferLink(token);
  const send = useMutation({
    mutationFn: (body: { answer: Answer; reason?: string }) =>
      api.post<{ status: 'accepted' | 'declined' }>(`/offer-links/${encodeURIComponent(token)}`, body),
    // A refused answer (taken, withdrawn, expired meanwhile) shows the offer's new state.
    onError: () => void client.invalidateQueries({ queryKey: coordinationKeys.offerLink(token) }),
  });

  const choose = (a: Answer) => {
    send.reset();
    setParams({ answer: a }, { replace: true });
  };

  if (send.isSuccess) {
    const accepted = send.data.status === 'accepted';
    return (
      <AuthLayout title={accepted ? t('offers.link.acceptedTitle') : t('offers.link.declinedTitle')}>
        <Alert color={accepted ? 'green' : 'gray'} variant="light" icon={<IconCheck aria-hidden />} role="status">
          <Text size="sm">{accepted ? t('offers.link.acceptedText') : t('offers.link.declinedText')}</Text>
        </Alert>
        <Anchor component={Link} to="/my/offers" size="sm">
          {t('offers.link.openApp')}
        </Anchor>
      </AuthLayout>
    );
  }

  if (link.isPending)
    return (
      <AuthLayout title={t('offers.link.chooseTitle')}>
        <LoadingState rows={3} />
      </AuthLayout>
    );
  if (link.isError)
    return (
      <AuthLayout title={t('offers.link.invalidTitle')}>
        <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />} role="status">
          <Text size="sm">{errorMessage(link.error, t)}</Text>
        </Alert>
        <Text size="sm">{t('offers.link.errorHint')}</Text>
        <Anchor component={Link} to="/my/offers" size="sm">
          {t('offers.link.openApp')}
        </Anchor>
      </AuthLayout>
    );
  if (link.data.status !== 'pending')
    return (
      <AuthLayout title={t(`offers.link.closedTitle.${link.data.status}`)}>
        <LinkSummary link={link.data} />
        <Alert
          color={link.data.status === 'accepted' ? 'green' : 'gray'}
          variant="light"
          icon={<IconInfoCircle aria-hidden />}
          role="status"
        >
          <Text size="sm">{t(`errors.offer_${link.data.status}`)}</Text>
        </Alert>
        <Anchor component={Link} to="/my/offers" size="sm">
          {t('offers.link.openApp')}
        </Anchor>
      </AuthLayout>
    );

  const finalError = send.error instanceof ApiError && send.error.status >= 400 && send.error.status < 500;
  const title =
    answer === 'accept'
      ? t('offers.link.acceptTitle')
      : answer === 'decline'
        ? t('offers.link.declineTitle')
        : t('offers.link.chooseTitle');

  return (
    <AuthLayout title={title} intro={t('offers.link.intro')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!answer) return;
          send.mutate({ answer, ...(answer === 'decline' && reason.trim() ? { reason: reason.trim() } : {}) });
        }}
      >
        <Stack>
          <LinkSummary link={link.data} />
          <FormError error={send.error} />
          {finalError ? (
            <Text size="sm">{t('offers.link.errorHint')}</Text>
          ) : answer === null ? (
            <>
              <Text size="sm">{t('offers.link.chooseText')}</Text>
              <Button onClick={() => choose('accept')}>{t('offers.accept')}</Button>
              <Button variant="default" onClick={() => choose('decline')}>
                {t('offers.decline')}
              </Button>
            </>
          ) : (
            <>
              <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
                <Text size="sm">
                  {answer === 'accept' ? t('offers.link.acceptText') : t('offers.link.declineText')}
                </Text>
              </Alert>
              {answer === 'decline' && (
                <Textarea
                  label={t('offers.declineReason')}
                  autosize
                  minRows={3}
                  maxRows={8}
                  maxLength={1000}
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                />
              )}
              <Button type="submit" loading={send.isPending} fullWidth>
                {answer === 'accept' ? t('offers.link.confirmAccept') : t('offers.link.confirmDecline')}
              </Button>
              <Button variant="subtle" onClick={() => choose(answer === 'accept' ? 'decline' : 'accept')}>
                {answer === 'accept' ? t('offers.link.switchToDecline') : t('offers.link.switchToAccept')}
              </Button>
            </>
          )}
          <Anchor component={Link} to="/my/offers" size="sm" ta="center">
            {t('offers.link.openApp')}
          </Anchor>
        </Stack>
      </form>
    </AuthLayout>
  );
}
