import { type ReactNode, useEffect, useRef } from 'react';

/**
 * A modal dialog on the native <dialog>: showModal() makes the rest of the page inert (focus stays inside), Escape
 * closes it (the `cancel` event), and the focus goes back to what opened it.
 */
export function ModalDialog({
  open,
  onClose,
  labelledBy,
  children,
}: {
  open: boolean;
  onClose(): void;
  labelledBy: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!open || !dialog) return;
    const opener = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      opener?.focus();
    };
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="modal-dialog"
      aria-labelledby={labelledBy}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {open ? children : null}
    </dialog>
  );
}
