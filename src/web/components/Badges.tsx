import { Badge, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BackgroundCheckState, GuideStatus } from '../../shared/enums.js';

const STATUS_COLORS: Record<GuideStatus, MantineColor> = {
  interested: 'gray',
  in_training: 'blue',
  active: 'green',
  paused: 'orange',
  left: 'grape',
};

const CHECK_COLORS: Record<BackgroundCheckState, MantineColor> = {
  valid: 'green',
  due: 'orange',
  expired: 'red',
  missing: 'gray',
};

export function StatusBadge({ status, size = 'md' }: { status: string; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" size={size} color={STATUS_COLORS[status as GuideStatus] ?? 'gray'}>
      {t(`status.${status}`, { defaultValue: status })}
    </Badge>
  );
}

export function BackgroundCheckBadge({ state, size = 'md' }: { state: BackgroundCheckState; size?: 'sm' | 'md' }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" size={size} color={CHECK_COLORS[state]}>
      {t(`bgCheck.${state}`)}
    </Badge>
  );
}

export function AccountStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const color = status === 'active' ? 'green' : status === 'invited' ? 'blue' : status === 'disabled' ? 'red' : 'gray';
  return (
    <Badge variant="light" color={color}>
      {t(`accountStatus.${status}`, { defaultValue: status })}
    </Badge>
  );
}
