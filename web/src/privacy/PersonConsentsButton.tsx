import { useState } from 'react';
import { useI18n } from '../i18n';
import { PersonConsentsDialog } from './PersonConsentsDialog';

/** « Consentements » beside a listed person, for those who edit the organisation (staff, its own members). */
export function PersonConsentsButton({ personId }: { personId: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="link-button small" onClick={() => setOpen(true)}>
        {t('privacy.admin.consents')}
      </button>
      {open ? <PersonConsentsDialog personId={personId} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
