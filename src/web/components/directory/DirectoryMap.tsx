import { Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryOffice } from '../../../shared/directory.js';
import { formatList, formatNumber } from '../../i18n/format';
import { project } from './projection';

const WIDTH = 400;

/**
 * The offices as dots on an inline SVG map (no tiles, no fonts, no third-party request): an equirectangular
 * projection over the offices' bounding box. The picture is one image with a name for screen readers; the list of
 * projects next to it is its text equivalent, and the caption says so.
 */
export function DirectoryMap({ offices }: { offices: DirectoryOffice[] }) {
  const { t } = useTranslation();
  const id = useId();
  const placed = offices.flatMap((o) => (o.location ? [{ ...o.location, slug: o.slug, label: o.city }] : []));
  const map = project(placed, WIDTH);
  const without = offices.filter((o) => !o.location).map((o) => o.name);
  const graticule = [0.25, 0.5, 0.75];
  return (
    <figure style={{ margin: 0 }} aria-labelledby={`${id}-caption`}>
      <svg
        viewBox={`0 0 ${WIDTH} ${Math.round(map.height)}`}
        role="img"
        aria-labelledby={`${id}-title`}
        style={{ width: '100%', height: 'auto', display: 'block' }}
        data-testid="directory-map"
      >
        <title id={`${id}-title`}>{t('directory.map.label', { value: formatNumber(placed.length) })}</title>
        <rect x="0" y="0" width={WIDTH} height={map.height} rx="12" fill="var(--mantine-color-blue-0)" />
        {graticule.map((f) => (
          <g key={f} stroke="var(--mantine-color-blue-1)" strokeWidth="1">
            <line x1={WIDTH * f} y1="0" x2={WIDTH * f} y2={map.height} />
            <line x1="0" y1={map.height * f} x2={WIDTH} y2={map.height * f} />
          </g>
        ))}
        {map.points.map((p) => {
          // Labels point inwards, so a dot near the right edge keeps its name inside the picture.
          const right = p.x > WIDTH * 0.6;
          return (
            <g key={p.slug}>
              <circle cx={p.x} cy={p.y} r="8" fill="var(--mantine-color-blue-8)" stroke="white" strokeWidth="2.5" />
              <text
                x={right ? p.x - 14 : p.x + 14}
                y={p.y + 5}
                textAnchor={right ? 'end' : 'start'}
                direction="ltr"
                fontSize="16"
                fontWeight="700"
                fill="var(--mantine-color-dark-9)"
                stroke="white"
                strokeWidth="4"
                paintOrder="stroke"
              >
                {p.label}
              </text>
            </g>
          );
        })}
      </svg>
      <Text component="figcaption" id={`${id}-caption`} size="sm" c="dimmed" mt="xs">
        {t('directory.map.hint')}
        {without.length > 0 && ` ${t('directory.map.withoutPoint', { names: formatList(without) })}`}
      </Text>
    </figure>
  );
}
