import { Children, isValidElement, type CSSProperties, type ReactNode } from 'react';

import { classes, hrefOf, shortSize } from './canvas-scale.ts';

interface Testable {
  testId?: string;
}

interface TextFormat {
  fontWeight?: 'regular' | 'bold' | 'demibold';
  italic?: boolean;
  lineDecoration?: 'none' | 'underline' | 'strikethrough';
  textTransform?: 'none' | 'uppercase' | 'lowercase' | 'capitalize' | 'sentenceCase';
}

function formatStyle(format: TextFormat | undefined): CSSProperties {
  if (format === undefined) return {};
  const weights = { regular: 400, demibold: 600, bold: 700 };
  return {
    fontWeight: format.fontWeight === undefined ? undefined : weights[format.fontWeight],
    fontStyle: format.italic === true ? 'italic' : undefined,
    textDecoration:
      format.lineDecoration === 'strikethrough'
        ? 'line-through'
        : format.lineDecoration === 'underline'
          ? 'underline'
          : undefined,
    textTransform:
      format.textTransform === 'sentenceCase' || format.textTransform === 'none'
        ? undefined
        : format.textTransform,
  };
}

export function Text({
  children,
  variant = 'bodytext',
  inline,
  format,
  truncate,
  testId,
}: Testable & {
  children?: ReactNode;
  variant?: 'bodytext' | 'microcopy';
  inline?: boolean;
  format?: TextFormat;
  truncate?: boolean | { maxWidth?: number; tooltipText?: string };
}) {
  const Tag = inline === true ? 'span' : 'p';
  const truncation: CSSProperties =
    truncate === undefined || truncate === false
      ? {}
      : {
          overflow: 'hidden',
          textOverflow: 'ellipsis',
          whiteSpace: 'nowrap',
          maxWidth: typeof truncate === 'object' ? truncate.maxWidth : undefined,
        };
  return (
    <Tag
      data-testid={testId}
      className={classes('cv-text', variant === 'microcopy' && 'cv-text--micro')}
      style={{ ...formatStyle(format), ...truncation }}
      title={typeof truncate === 'object' ? truncate.tooltipText : undefined}
    >
      {children}
    </Tag>
  );
}

export function Heading({ children, inline, testId }: Testable & { children?: ReactNode; inline?: boolean }) {
  return (
    <h3
      data-testid={testId}
      className="cv-heading"
      style={inline === true ? { display: 'inline' } : undefined}
    >
      {children}
    </h3>
  );
}

export function Link({
  children,
  href,
  variant = 'primary',
  onClick,
  preventDefault,
  testId,
}: Testable & {
  children?: ReactNode;
  href?: string | { url: string; external?: boolean };
  variant?: string;
  onClick?: (event: unknown) => void;
  preventDefault?: boolean;
  overlay?: ReactNode;
}) {
  const { url, external } = hrefOf(href);
  return (
    <a
      data-testid={testId}
      className={classes('cv-link', `cv-link--${variant}`)}
      href={url ?? '#'}
      target={external ? '_blank' : undefined}
      rel={external ? 'noreferrer' : undefined}
      onClick={(event) => {
        if (url === undefined || preventDefault === true) event.preventDefault();
        onClick?.({ type: 'click', bubbles: true, timeStamp: Date.now(), id: '' });
      }}
    >
      {children}
      {external ? <span className="cv-link__external">↗</span> : null}
    </a>
  );
}

export function List({
  children,
  variant = 'unordered',
  testId,
}: Testable & {
  children?: ReactNode;
  variant?: 'unordered' | 'unordered-styled' | 'ordered' | 'ordered-styled' | 'inline' | 'inline-divided';
}) {
  const Tag = variant.startsWith('ordered') ? 'ol' : 'ul';
  return (
    <Tag data-testid={testId} className={classes('cv-list', `cv-list--${variant}`)}>
      {Children.toArray(children).map((child, index) => (
        <li key={isValidElement(child) && child.key !== null ? child.key : index}>{child}</li>
      ))}
    </Tag>
  );
}

export function Tag({
  children,
  variant = 'default',
  onClick,
  inline,
  testId,
}: Testable & {
  children?: ReactNode;
  variant?: string;
  onClick?: (event: unknown) => void;
  inline?: boolean;
  overlay?: ReactNode;
}) {
  return (
    <span
      data-testid={testId}
      className={classes('cv-tag', `cv-tag--${variant}`, onClick !== undefined && 'cv-clickable')}
      style={inline === true ? { display: 'inline-flex' } : undefined}
      onClick={
        onClick === undefined
          ? undefined
          : () => {
              onClick({ type: 'click' });
            }
      }
    >
      {children}
    </span>
  );
}

export function StatusTag({
  children,
  variant = 'default',
  hollow,
  onClick,
  showRemoveIcon,
  onRemoveClick,
  testId,
}: Testable & {
  children?: ReactNode;
  variant?: 'danger' | 'warning' | 'info' | 'success' | 'default';
  hollow?: boolean;
  onClick?: () => void;
  showRemoveIcon?: boolean;
  onRemoveClick?: () => void;
}) {
  return (
    <span
      data-testid={testId}
      className={classes('cv-status', `cv-status--${variant}`, hollow === true && 'cv-status--hollow')}
      onClick={onClick}
    >
      <span className="cv-status__dot" />
      {children}
      {showRemoveIcon === true ? (
        <button type="button" className="cv-status__remove" onClick={onRemoveClick} aria-label="Remove">
          ×
        </button>
      ) : null}
    </span>
  );
}

const glyphs: Record<string, string> = {
  add: '+',
  success: '✓',
  checkCircle: '✓',
  warning: '⚠',
  alert: '!',
  error: '!',
  info: 'i',
  question: '?',
  remove: '×',
  close: '×',
  delete: '🗑',
  edit: '✎',
  refresh: '↻',
  upCarat: '▲',
  downCarat: '▼',
  right: '›',
  left: '‹',
  star: '★',
  search: '⌕',
  email: '✉',
  calling: '☎',
  appointment: '◷',
  tasks: '☑',
  date: '▦',
  settings: '⚙',
  externalLink: '↗',
  generateChart: '▤',
  bulb: '💡',
  shieldCheck: '⛨',
  flag: '⚑',
  lightning: 'ϟ',
  artificialIntelligence: '✦',
};

export function Icon({
  name,
  color = 'inherit',
  size = 'sm',
  screenReaderText,
  testId,
}: Testable & { name: string; color?: string; size?: string; screenReaderText?: string }) {
  return (
    <span
      data-testid={testId}
      data-icon={name}
      className={classes('cv-icon', `cv-icon--${color}`, `cv-icon--${shortSize(size, 'sm')}`)}
      role={screenReaderText === undefined ? 'presentation' : 'img'}
      aria-label={screenReaderText}
    >
      {glyphs[name] ?? '•'}
    </span>
  );
}

export function Image({
  src,
  alt,
  width,
  height,
  href,
  testId,
}: Testable & {
  src: string;
  alt?: string;
  width?: number;
  height?: number;
  href?: string | { url: string; external?: boolean };
}) {
  const image = <img data-testid={testId} src={src} alt={alt ?? ''} width={width} height={height} />;
  const { url } = hrefOf(href);
  return url === undefined ? image : <a href={url}>{image}</a>;
}

/** HubSpot's illustrations are its own artwork; the preview draws a neutral placeholder of the same size. */
export function Illustration({
  name,
  alt,
  width = 120,
  height,
}: Testable & { name: string; alt: string; width?: number; height?: number }) {
  return (
    <div
      className="cv-illustration"
      role="img"
      aria-label={alt}
      data-illustration={name}
      style={{ width, height: height ?? Math.round(width * 0.75) }}
    />
  );
}

export function Tooltip({ children }: Testable & { children?: ReactNode; placement?: string }) {
  return <span className="cv-tooltip">{children}</span>;
}

export function DescriptionList({
  children,
  direction = 'column',
  testId,
}: Testable & { children?: ReactNode; direction?: 'row' | 'column' }) {
  return (
    <dl data-testid={testId} className={classes('cv-dl', `cv-dl--${direction}`)}>
      {children}
    </dl>
  );
}

export function DescriptionListItem({
  children,
  label,
  testId,
}: Testable & { children?: ReactNode; label: string }) {
  return (
    <div data-testid={testId} className="cv-dl__item">
      <dt className="cv-dl__label">{label}</dt>
      <dd className="cv-dl__value">{children}</dd>
    </div>
  );
}

export function Statistics({ children, testId }: Testable & { children?: ReactNode }) {
  return (
    <div data-testid={testId} className="cv-stats">
      {children}
    </div>
  );
}

export function StatisticsItem({
  label,
  number,
  children,
  testId,
}: Testable & { id?: string; label: string; number: string | number; children?: ReactNode }) {
  return (
    <div data-testid={testId} className="cv-stats__item">
      <div className="cv-stats__label">{label}</div>
      <div className="cv-stats__number">{number}</div>
      {children}
    </div>
  );
}

export function StatisticsTrend({
  value,
  direction,
  color,
  testId,
}: Testable & { value: string; direction: 'increase' | 'decrease'; color?: 'red' | 'green' }) {
  const tone = color ?? (direction === 'increase' ? 'green' : 'red');
  return (
    <span data-testid={testId} className={classes('cv-trend', `cv-trend--${tone}`)}>
      {direction === 'increase' ? '▲' : '▼'} {value}
    </span>
  );
}

export function ProgressBar({
  title,
  value = 0,
  maxValue,
  valueMax,
  showPercentage,
  valueDescription,
  variant = 'success',
  testId,
  ...rest
}: Testable & {
  title?: string;
  'aria-label'?: string;
  value?: number;
  maxValue?: number;
  valueMax?: number;
  showPercentage?: boolean;
  valueDescription?: string;
  variant?: 'success' | 'danger' | 'warning';
}) {
  const max = maxValue ?? valueMax ?? 100;
  const share = max <= 0 ? 0 : Math.max(0, Math.min(1, value / max));
  return (
    <div data-testid={testId} className="cv-progress">
      {title !== undefined || showPercentage === true || valueDescription !== undefined ? (
        <div className="cv-progress__head">
          <span className="cv-progress__title">{title}</span>
          <span className="cv-text--micro">
            {valueDescription ?? (showPercentage === true ? `${Math.round(share * 100)}%` : '')}
          </span>
        </div>
      ) : null}
      <div
        className="cv-progress__track"
        role="progressbar"
        aria-label={rest['aria-label'] ?? title}
        aria-valuenow={value}
        aria-valuemax={max}
      >
        <div
          className={classes('cv-progress__fill', `cv-progress__fill--${variant}`)}
          style={{ width: `${share * 100}%` }}
        />
      </div>
    </div>
  );
}

/** HubSpot's score circle: green from 66, amber from 33, red below; decimals round down, as HubSpot's do. */
export function ScoreCircle({ score, testId }: Testable & { score: number }) {
  const isValid = Number.isFinite(score) && score >= 0 && score <= 100;
  const shown = isValid ? Math.floor(score) : 0;
  const tone = shown < 33 ? 'danger' : shown < 66 ? 'warning' : 'success';
  const radius = 26;
  const circumference = 2 * Math.PI * radius;
  return (
    <span
      data-testid={testId}
      role="meter"
      aria-valuenow={shown}
      aria-valuemin={0}
      aria-valuemax={100}
      className={classes('cv-score', `cv-score--${tone}`)}
    >
      <svg viewBox="0 0 64 64" width="64" height="64" aria-hidden="true">
        <circle cx="32" cy="32" r={radius} className="cv-score__track" />
        <circle
          cx="32"
          cy="32"
          r={radius}
          className="cv-score__fill"
          strokeDasharray={`${(shown / 100) * circumference} ${circumference}`}
          transform="rotate(-90 32 32)"
        />
      </svg>
      <span className="cv-score__value">{isValid ? shown : '--'}</span>
    </span>
  );
}

export function StepIndicator({
  stepNames,
  currentStep = 0,
  direction = 'horizontal',
  onClick,
  testId,
}: Testable & {
  stepNames: string[];
  currentStep?: number;
  direction?: 'horizontal' | 'vertical';
  onClick?: (stepIndex: number) => void;
}) {
  return (
    <ol data-testid={testId} className={classes('cv-steps', `cv-steps--${direction}`)}>
      {stepNames.map((name, index) => (
        <li
          key={name}
          className={classes(
            'cv-steps__step',
            index < currentStep && 'cv-steps__step--done',
            index === currentStep && 'cv-steps__step--current',
          )}
          onClick={
            onClick === undefined
              ? undefined
              : () => {
                  onClick(index);
                }
          }
        >
          <span className="cv-steps__dot">{index < currentStep ? '✓' : index + 1}</span>
          {name}
        </li>
      ))}
    </ol>
  );
}
