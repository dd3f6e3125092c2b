import type { ReactNode } from 'react';

import { classes, shortSize } from './canvas-scale.ts';

interface Testable {
  testId?: string;
}

const alertGlyphs: Record<string, string> = {
  info: 'i',
  tip: '💡',
  success: '✓',
  warning: '!',
  error: '!',
  danger: '!',
};

export function Alert({
  title,
  children,
  variant = 'info',
  testId,
}: Testable & {
  title: string;
  children?: ReactNode;
  variant?: 'info' | 'warning' | 'success' | 'error' | 'danger' | 'tip';
}) {
  return (
    <div data-testid={testId} role="alert" className={classes('cv-alert', `cv-alert--${variant}`)}>
      <span className="cv-alert__glyph">{alertGlyphs[variant]}</span>
      <div>
        <div className="cv-alert__title">{title}</div>
        {children === undefined ? null : <div className="cv-alert__body">{children}</div>}
      </div>
    </div>
  );
}

export function EmptyState({
  title,
  children,
  layout = 'horizontal',
  reverseOrder,
  imageWidth = 120,
  flush,
  testId,
}: Testable & {
  title?: string;
  children?: ReactNode;
  layout?: 'horizontal' | 'vertical';
  reverseOrder?: boolean;
  imageWidth?: number;
  imageName?: string;
  flush?: boolean;
}) {
  return (
    <div
      data-testid={testId}
      className={classes(
        'cv-empty',
        `cv-empty--${layout}`,
        reverseOrder === true && 'cv-empty--reverse',
        flush === true && 'cv-empty--flush',
      )}
    >
      <div className="cv-illustration" style={{ width: imageWidth, height: Math.round(imageWidth * 0.75) }} />
      <div className="cv-empty__text">
        {title === undefined ? null : <h3 className="cv-heading cv-empty__title">{title}</h3>}
        {children}
      </div>
    </div>
  );
}

export function ErrorState({
  title,
  children,
  testId,
}: Testable & { title?: string; children?: ReactNode; type?: 'error' | 'support' | 'lock' }) {
  return (
    <div data-testid={testId} className="cv-error-state" role="alert">
      <div className="cv-error-state__art" aria-hidden="true">
        !
      </div>
      <div className="cv-empty__text">
        {title === undefined ? null : <h3 className="cv-heading">{title}</h3>}
        {children}
      </div>
    </div>
  );
}

export function LoadingSpinner({
  label,
  showLabel,
  size = 'sm',
  layout = 'inline',
  testId,
}: Testable & { label: string; showLabel?: boolean; size?: string; layout?: 'inline' | 'centered' }) {
  return (
    <div
      data-testid={testId}
      role="status"
      aria-label={label}
      className={classes('cv-spinner', `cv-spinner--${layout}`, `cv-spinner--${shortSize(size, 'sm')}`)}
    >
      <span className="cv-spinner__ring" />
      {showLabel === true ? <span className="cv-spinner__label">{label}</span> : null}
    </div>
  );
}
