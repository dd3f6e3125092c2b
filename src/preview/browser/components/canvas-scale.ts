/** HubSpot's t-shirt sizes come long or short ('small' or 'sm'); the styles use the short one. */
export type ShortSize = 'xs' | 'sm' | 'md' | 'lg' | 'xl';

const longToShort: Record<string, ShortSize> = {
  'extra-small': 'xs',
  small: 'sm',
  medium: 'md',
  large: 'lg',
  'extra-large': 'xl',
};

export function shortSize(size: string | undefined, fallback: ShortSize = 'md'): ShortSize {
  if (size === undefined) return fallback;
  if (size in longToShort) return longToShort[size] ?? fallback;
  return ['xs', 'sm', 'md', 'lg', 'xl'].includes(size) ? (size as ShortSize) : fallback;
}

const distancePx: Record<ShortSize, number> = { xs: 4, sm: 8, md: 16, lg: 24, xl: 32 };

/** Canvas spacing in pixels for a distance prop ('flush' is none). */
export function distance(value: string | undefined, fallback = 0): number {
  if (value === undefined) return fallback;
  if (value === 'flush') return 0;
  return distancePx[shortSize(value)];
}

const flexWords: Record<string, string> = {
  start: 'flex-start',
  end: 'flex-end',
  center: 'center',
  between: 'space-between',
  around: 'space-around',
  baseline: 'baseline',
  stretch: 'stretch',
  auto: 'auto',
};

export function flexValue(value: string | undefined): string | undefined {
  return value === undefined ? undefined : (flexWords[value] ?? value);
}

export function classes(...names: (string | false | undefined)[]): string {
  return names.filter((name) => typeof name === 'string' && name !== '').join(' ');
}

/** The `href` prop is a URL or `{ url, external }`. */
export function hrefOf(href: string | { url: string; external?: boolean } | undefined): {
  url: string | undefined;
  external: boolean;
} {
  if (href === undefined) return { url: undefined, external: false };
  if (typeof href === 'string') return { url: href, external: /^https?:/.test(href) };
  return { url: href.url, external: href.external ?? false };
}
