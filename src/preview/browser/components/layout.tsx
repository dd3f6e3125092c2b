import { Children, isValidElement, useState, type ReactElement, type ReactNode } from 'react';

import { classes, distance, flexValue } from './canvas-scale.ts';

interface Testable {
  testId?: string;
}

export function Flex({
  children,
  direction = 'row',
  gap,
  justify,
  align,
  alignSelf,
  wrap,
  testId,
}: Testable & {
  children?: ReactNode;
  direction?: 'row' | 'column';
  gap?: string;
  justify?: string;
  align?: string;
  alignSelf?: string;
  wrap?: boolean | 'wrap' | 'nowrap';
}) {
  return (
    <div
      data-testid={testId}
      className="cv-flex"
      style={{
        flexDirection: direction,
        gap: distance(gap),
        justifyContent: flexValue(justify),
        alignItems: flexValue(align),
        alignSelf: flexValue(alignSelf),
        flexWrap: wrap === true || wrap === 'wrap' ? 'wrap' : 'nowrap',
      }}
    >
      {children}
    </div>
  );
}

export function Stack({
  children,
  direction = 'column',
  distance: gap,
  justify,
  align,
  width,
  testId,
}: Testable & {
  children?: ReactNode;
  direction?: 'row' | 'column';
  distance?: string;
  justify?: string;
  align?: string;
  width?: string;
}) {
  return (
    <div
      data-testid={testId}
      className="cv-flex"
      style={{
        flexDirection: direction,
        gap: distance(gap, 8),
        justifyContent: flexValue(justify),
        alignItems: flexValue(align),
        width,
      }}
    >
      {children}
    </div>
  );
}

export function Inline({
  children,
  justify,
  align = 'center',
  gap = 'sm',
  testId,
}: Testable & { children?: ReactNode; justify?: string; align?: string; gap?: string }) {
  return (
    <div
      data-testid={testId}
      className="cv-flex"
      style={{
        flexDirection: 'row',
        flexWrap: 'wrap',
        gap: distance(gap),
        justifyContent: flexValue(justify),
        alignItems: flexValue(align),
      }}
    >
      {children}
    </div>
  );
}

export function Box({
  children,
  alignSelf,
  flex,
  testId,
}: Testable & { children?: ReactNode; alignSelf?: string; flex?: 'initial' | 'auto' | 'none' | number }) {
  return (
    <div
      data-testid={testId}
      className="cv-box"
      style={{ alignSelf: flexValue(alignSelf), flex: typeof flex === 'number' ? `${flex} 1 0` : flex }}
    >
      {children}
    </div>
  );
}

export function AutoGrid({
  children,
  columnWidth,
  gap = 'md',
  flexible,
  testId,
}: Testable & { children?: ReactNode; columnWidth: number; gap?: string; flexible?: boolean }) {
  const track = flexible === true ? `minmax(${columnWidth}px, 1fr)` : `${columnWidth}px`;
  return (
    <div
      data-testid={testId}
      style={{ display: 'grid', gap: distance(gap), gridTemplateColumns: `repeat(auto-fill, ${track})` }}
    >
      {children}
    </div>
  );
}

export function Spacer({ size = 'md' }: Testable & { size?: string }) {
  return <div style={{ height: distance(size) }} />;
}

export function Divider({
  distance: around = 'sm',
  testId,
}: Testable & { distance?: string; size?: string }) {
  const margin = distance(around, 8);
  return <hr data-testid={testId} className="cv-divider" style={{ margin: `${margin}px 0` }} />;
}

export function Card({ children, testId }: Testable & { children?: ReactNode }) {
  return (
    <div data-testid={testId} className="cv-card">
      {children}
    </div>
  );
}

export function Tile({
  children,
  compact,
  flush,
  testId,
}: Testable & { children?: ReactNode; compact?: boolean; flush?: boolean }) {
  return (
    <div
      data-testid={testId}
      className={classes(
        'cv-tile',
        compact === true && 'cv-tile--compact',
        flush === true && 'cv-tile--flush',
      )}
    >
      {children}
    </div>
  );
}

export function Accordion({
  title,
  children,
  defaultOpen = false,
  open,
  disabled,
  size = 'sm',
  onClick,
  testId,
}: Testable & {
  title: string;
  children?: ReactNode;
  defaultOpen?: boolean;
  open?: boolean;
  disabled?: boolean;
  size?: string;
  onClick?: () => void;
}) {
  const [isOpenInside, setOpenInside] = useState(defaultOpen);
  const isOpen = open ?? isOpenInside;
  return (
    <div data-testid={testId} className={classes('cv-accordion', `cv-accordion--${size}`)}>
      <button
        type="button"
        className="cv-accordion__toggle"
        aria-expanded={isOpen}
        disabled={disabled}
        onClick={() => {
          setOpenInside(!isOpen);
          onClick?.();
        }}
      >
        <span className={classes('cv-caret', isOpen && 'cv-caret--open')}>›</span>
        {title}
      </button>
      {isOpen ? <div className="cv-accordion__body">{children}</div> : null}
    </div>
  );
}

interface TabProps extends Testable {
  tabId?: string | number;
  title?: string;
  disabled?: boolean;
  tooltip?: string;
  children?: ReactNode;
}

/** A Tab is a description; Tabs draws the strip and the selected tab's content. */
export function Tab({ children }: TabProps) {
  return <>{children}</>;
}

export function Tabs({
  children,
  defaultSelected,
  selected,
  onSelectedChange,
  variant = 'default',
  fill,
  testId,
}: Testable & {
  children?: ReactNode;
  defaultSelected?: string | number;
  selected?: string | number;
  onSelectedChange?: (selectedId: never) => void;
  variant?: 'default' | 'enclosed';
  fill?: boolean;
}) {
  const tabs = Children.toArray(children).filter(
    (child): child is ReactElement<TabProps> => isValidElement(child) && child.type === Tab,
  );
  const idOf = (tab: ReactElement<TabProps>, index: number): string | number => tab.props.tabId ?? index;
  const [selectedInside, setSelectedInside] = useState<string | number | undefined>(defaultSelected);
  const current = selected ?? selectedInside ?? (tabs[0] === undefined ? undefined : idOf(tabs[0], 0));
  const active = tabs.find((tab, index) => String(idOf(tab, index)) === String(current));
  return (
    <div data-testid={testId} className={classes('cv-tabs', `cv-tabs--${variant}`)}>
      <div className="cv-tabs__strip" role="tablist">
        {tabs.map((tab, index) => {
          const id = idOf(tab, index);
          const isActive = String(id) === String(current);
          return (
            <button
              key={String(id)}
              type="button"
              role="tab"
              title={tab.props.tooltip}
              aria-selected={isActive}
              disabled={tab.props.disabled}
              className={classes(
                'cv-tabs__tab',
                isActive && 'cv-tabs__tab--active',
                fill === true && 'cv-grow',
              )}
              onClick={() => {
                setSelectedInside(id);
                (onSelectedChange as ((value: string | number) => void) | undefined)?.(id);
              }}
            >
              {tab.props.title}
            </button>
          );
        })}
      </div>
      <div className="cv-tabs__panel" role="tabpanel">
        {active?.props.children}
      </div>
    </div>
  );
}
