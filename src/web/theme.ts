import { type CSSVariablesResolver, createTheme, type MantineColorsTuple } from '@mantine/core';

/** A calm petrol blue; shade 8 is the primary fill and passes WCAG AA with white text (7.3:1). */
const petrol: MantineColorsTuple = [
  '#e7f5f6',
  '#cde7ea',
  '#9dd0d6',
  '#69b7c0',
  '#40a2ad',
  '#2593a0',
  '#168896',
  '#0b7684',
  '#0f5f6b',
  '#0a4a54',
];

/** The shipped Arabic-script font first: its unicode range makes every other script fall through to the system's. */
const systemFonts =
  '"Lotsennetz Arabic", system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "Helvetica Neue", Arial, "DejaVu Sans", sans-serif';

export const theme = createTheme({
  primaryColor: 'petrol',
  primaryShade: { light: 8, dark: 6 },
  colors: { petrol },
  autoContrast: true,
  fontFamily: systemFonts,
  headings: { fontFamily: systemFonts, fontWeight: '650' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  // People who ask their system for less motion get dialogs and menus without fades (WCAG 2.3.3).
  respectReducedMotion: true,
  components: {
    // Badges never truncate their text: tables give them the room they need.
    Badge: {
      defaultProps: { radius: 'sm', tt: 'none' },
      styles: { root: { overflow: 'visible', fontWeight: 600 }, label: { overflow: 'visible' } },
    },
    Checkbox: { defaultProps: { radius: 'sm' } },
    Paper: { defaultProps: { radius: 'md' } },
    Card: { defaultProps: { radius: 'md', withBorder: true } },
    Table: { defaultProps: { verticalSpacing: 'sm' } },
  },
});

/**
 * Text on tinted ("light") badges and alerts must keep 4.5:1 contrast; Mantine's default light text shades are
 * too pale for that, so the light-variant text colours are darkened here.
 */
const LIGHT_TEXT: Record<string, string> = {
  gray: '#454c53',
  green: '#1e6b2e',
  teal: '#0b6149',
  blue: '#1659a0',
  indigo: '#3141a8',
  grape: '#7a2a8f',
  orange: '#9a3800',
  yellow: '#6e5200',
  red: '#b02525',
  petrol: '#0f5f6b',
};

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c636a',
    '--mantine-color-red-filled': '#c92a2a',
    '--mantine-color-red-filled-hover': '#a61e1e',
    '--mantine-color-red-text': '#b02525',
    '--mantine-color-red-outline': '#c92a2a',
    '--mantine-color-error': '#b02525',
    ...Object.fromEntries(
      Object.entries(LIGHT_TEXT).map(([name, value]) => [`--mantine-color-${name}-light-color`, value]),
    ),
  },
  dark: {},
});
