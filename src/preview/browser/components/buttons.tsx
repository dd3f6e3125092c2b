import { Children, useState, type ReactNode } from 'react';

import { classes, hrefOf, shortSize } from './canvas-scale.ts';
import { useOverlay } from './overlays.tsx';

interface Testable {
  testId?: string;
}

/** The event HubSpot hands an onClick (an ExtensionEvent, not the DOM event). */
export function extensionEvent(type: string): {
  type: string;
  bubbles: boolean;
  timeStamp: number;
  id: string;
} {
  return { type, bubbles: true, timeStamp: Date.now(), id: '' };
}

interface ButtonProps extends Testable {
  children?: ReactNode;
  onClick?: (event: ReturnType<typeof extensionEvent>) => void;
  href?: string | { url: string; external?: boolean };
  disabled?: boolean;
  variant?: 'primary' | 'secondary' | 'destructive' | 'transparent';
  type?: 'button' | 'reset' | 'submit';
  size?: string;
  truncate?: boolean;
  overlay?: ReactNode;
}

export function Button({
  children,
  onClick,
  href,
  disabled,
  variant = 'secondary',
  type = 'button',
  size = 'md',
  overlay,
  testId,
}: ButtonProps) {
  const { layer, open } = useOverlay(overlay);
  const { url, external } = hrefOf(href);
  return (
    <>
      <button
        data-testid={testId}
        type={type}
        disabled={disabled}
        className={classes('cv-button', `cv-button--${variant}`, `cv-button--${shortSize(size)}`)}
        onClick={() => {
          onClick?.(extensionEvent('click'));
          if (url !== undefined) window.open(url, external ? '_blank' : '_self');
          open();
        }}
      >
        {children}
      </button>
      {layer}
    </>
  );
}

export function LoadingButton({
  loading,
  children,
  disabled,
  resultIconName: _resultIconName,
  overlayOptions: _overlayOptions,
  ...rest
}: ButtonProps & { loading?: boolean; resultIconName?: string; overlayOptions?: unknown }) {
  return (
    <Button {...rest} disabled={disabled === true || loading === true}>
      {loading === true ? (
        <span className="cv-spinner__ring cv-spinner__ring--button" aria-hidden="true" />
      ) : null}
      {children}
    </Button>
  );
}

export function ButtonRow({
  children,
  testId,
}: Testable & { children?: ReactNode; disableDropdown?: boolean; dropDownButtonOptions?: unknown }) {
  return (
    <div data-testid={testId} className="cv-button-row">
      {Children.toArray(children)}
    </div>
  );
}

function DropdownButtonItem({
  children,
  onClick,
  overlay,
}: Testable & { children?: ReactNode; onClick?: (event: unknown) => void; overlay?: ReactNode }) {
  const { layer, open } = useOverlay(overlay);
  return (
    <>
      <button
        type="button"
        role="menuitem"
        className="cv-menu__item"
        onClick={() => {
          onClick?.(extensionEvent('click'));
          open();
        }}
      >
        {children}
      </button>
      {layer}
    </>
  );
}

export function Dropdown({
  options,
  children,
  variant = 'primary',
  buttonText = 'More',
  buttonSize = 'md',
  disabled,
  testId,
}: Testable & {
  options?: { label: string; onClick?: () => void }[];
  children?: ReactNode;
  variant?: 'primary' | 'secondary' | 'transparent';
  buttonText?: string;
  buttonSize?: string;
  disabled?: boolean;
}) {
  const [isOpen, setOpen] = useState(false);
  return (
    <span data-testid={testId} className="cv-dropdown">
      <button
        type="button"
        disabled={disabled}
        aria-expanded={isOpen}
        className={classes('cv-button', `cv-button--${variant}`, `cv-button--${shortSize(buttonSize)}`)}
        onClick={() => {
          setOpen(!isOpen);
        }}
      >
        {buttonText} <span className="cv-caret cv-caret--down">›</span>
      </button>
      {/* Kept mounted while closed: an item's overlay lives in the item's tree. */}
      <div
        className="cv-menu"
        role="menu"
        hidden={!isOpen}
        onClick={() => {
          setOpen(false);
        }}
      >
        {options?.map((option) => (
          <button
            key={option.label}
            type="button"
            role="menuitem"
            className="cv-menu__item"
            onClick={option.onClick}
          >
            {option.label}
          </button>
        ))}
        {children}
      </div>
    </span>
  );
}

Dropdown.ButtonItem = DropdownButtonItem;
