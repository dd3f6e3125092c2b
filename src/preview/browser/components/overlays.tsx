import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

import { registerOverlay } from '../host-bridge.ts';
import { classes, shortSize } from './canvas-scale.ts';

interface Testable {
  testId?: string;
}

const OverlayCloseContext = createContext<(() => void) | null>(null);

/**
 * What a component with an `overlay` prop (Button, Link, Tag, …) needs: HubSpot opens the overlay's Modal or
 * Panel on click. The overlay stays in the card's React tree (a portal), so it keeps the card's state.
 */
export function useOverlay(overlay: ReactNode | undefined): { layer: ReactNode; open: () => void } {
  const [isOpen, setOpen] = useState(false);
  const layer =
    overlay === undefined || overlay === null || !isOpen
      ? null
      : createPortal(
          <OverlayCloseContext.Provider
            value={() => {
              setOpen(false);
            }}
          >
            {overlay}
          </OverlayCloseContext.Provider>,
          document.body,
        );
  return {
    layer,
    open: () => {
      setOpen(true);
    },
  };
}

interface OverlayProps extends Testable {
  id: string;
  title?: string;
  children?: ReactNode;
  width?: string;
  onOpen?: () => void;
  onClose?: () => void;
  'aria-label'?: string;
}

function useOverlayLifecycle({ id, onOpen, onClose }: OverlayProps): () => void {
  const closeFromHost = useContext(OverlayCloseContext);
  const close = (): void => {
    onClose?.();
    closeFromHost?.();
  };
  // closeOverlay(id) and Escape may come long after mount: they call the latest close, not the first one.
  const latestClose = useRef(close);
  latestClose.current = close;
  useEffect(() => {
    onOpen?.();
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') latestClose.current();
    };
    document.addEventListener('keydown', onKey);
    const unregister = registerOverlay(id, () => {
      latestClose.current();
    });
    return () => {
      document.removeEventListener('keydown', onKey);
      unregister();
    };
    // Opened once per mount, as HubSpot opens an overlay once.
  }, [id]);
  return close;
}

export function Modal(props: OverlayProps & { variant?: 'danger' | 'default' }) {
  const close = useOverlayLifecycle(props);
  return (
    <div className="cv-backdrop" onClick={close}>
      <div
        role="dialog"
        aria-modal="true"
        aria-label={props['aria-label'] ?? props.title}
        data-testid={props.testId}
        className={classes(
          'cv-modal',
          `cv-modal--${shortSize(props.width, 'sm')}`,
          props.variant === 'danger' && 'cv-modal--danger',
        )}
        onClick={(event) => {
          event.stopPropagation();
        }}
      >
        <div className="cv-modal__header">
          <span>{props.title}</span>
          <button type="button" className="cv-close" aria-label="Close" onClick={close}>
            ×
          </button>
        </div>
        {props.children}
      </div>
    </div>
  );
}

export function ModalBody({ children }: Testable & { children?: ReactNode }) {
  return <div className="cv-modal__body">{children}</div>;
}

export function ModalFooter({ children }: Testable & { children?: ReactNode }) {
  return <div className="cv-modal__footer">{children}</div>;
}

export function Panel(props: OverlayProps & { variant?: 'modal' | 'default' }) {
  const close = useOverlayLifecycle(props);
  return (
    <div className={classes('cv-panel-layer', props.variant === 'modal' && 'cv-backdrop')} onClick={close}>
      <aside
        role="dialog"
        aria-label={props['aria-label'] ?? props.title}
        data-testid={props.testId}
        className={classes('cv-panel', `cv-panel--${shortSize(props.width, 'sm')}`)}
        onClick={(event) => {
          event.stopPropagation();
        }}
      >
        <div className="cv-panel__header">
          <span>{props.title}</span>
          <button type="button" className="cv-close" aria-label="Close" onClick={close}>
            ×
          </button>
        </div>
        {props.children}
      </aside>
    </div>
  );
}

export function PanelBody({ children }: Testable & { children?: ReactNode }) {
  return <div className="cv-panel__body">{children}</div>;
}

export function PanelSection({ children, flush }: Testable & { children?: ReactNode; flush?: boolean }) {
  return <section className={classes('cv-panel__section', flush === true && 'cv-flush')}>{children}</section>;
}

export function PanelFooter({ children }: Testable & { children?: ReactNode }) {
  return <div className="cv-panel__footer">{children}</div>;
}
