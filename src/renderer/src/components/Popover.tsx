import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface PopoverProps {
  /** The button's visible text. */
  label: ReactNode;
  /** The open panel's accessible name (the button is named by its visible text). */
  ariaLabel?: string;
  active?: boolean;
  className?: string;
  children: (close: () => void) => ReactNode;
}

/**
 * A button that opens a small panel below it (a filter's editor). Escape or a click outside
 * closes it and gives focus back to the button; focus moves into the panel when it opens.
 */
export function Popover({ label, ariaLabel, active = false, className, children }: PopoverProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  /** Whether closing gives focus back to the button (not when the user clicked elsewhere). */
  const refocus = useRef(false);

  useEffect(() => {
    if (!open) {
      if (refocus.current) button.current?.focus();
      refocus.current = false;
      return;
    }
    refocus.current = true;
    panel.current?.querySelector<HTMLElement>('input, select, button, [tabindex="0"]')?.focus();
    const onPointer = (event: PointerEvent) => {
      if (root.current?.contains(event.target as Node)) return;
      refocus.current = false;
      setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = () => setOpen(false);

  return (
    <div className={`popover ${className ?? ''}`} ref={root}>
      <button
        ref={button}
        type="button"
        className={`filter-button${active ? ' is-active' : ''}`}
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen((value) => !value)}
      >
        {label}
        <span className="caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <div
          id={id}
          ref={panel}
          className="popover-panel"
          role="group"
          aria-label={ariaLabel}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              close();
            }
          }}
        >
          {children(close)}
        </div>
      )}
    </div>
  );
}
