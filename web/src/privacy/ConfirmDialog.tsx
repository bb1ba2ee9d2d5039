import { type ReactNode, useId } from 'react';
import { useI18n } from '../i18n';
import { ModalDialog } from '../moderation/ModalDialog';

/** A confirmation before an action that cannot be undone (an erasure): title, explanation, confirm or cancel. */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  confirmLabel: string;
  busy?: boolean;
  danger?: boolean;
  onConfirm(): void;
  onClose(): void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const titleId = useId();
  return (
    <ModalDialog open={props.open} onClose={props.onClose} labelledBy={titleId}>
      <h2 id={titleId}>{props.title}</h2>
      {props.children}
      <div className="dialog-actions">
        <button
          type="button"
          className={props.danger ? 'button button-danger' : 'button'}
          disabled={props.busy}
          onClick={props.onConfirm}
        >
          {props.confirmLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={props.onClose}>
          {t('privacy.cancel')}
        </button>
      </div>
    </ModalDialog>
  );
}
