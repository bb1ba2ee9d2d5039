import { useState } from 'react';
import { useI18n } from '../i18n';

/** Copies a text to the clipboard and says so (falls back to selecting a field when the clipboard API is refused). */
export function CopyButton({ text, fallbackInputId }: { text: string; fallbackInputId?: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      const input = fallbackInputId ? (document.getElementById(fallbackInputId) as HTMLInputElement | null) : null;
      input?.select();
      setState(input && document.execCommand('copy') ? 'copied' : 'failed');
    }
  };
  return (
    <>
      <button type="button" className="button button-secondary" onClick={copy}>
        {t('common.copy')}
      </button>
      <span role="status" className="copy-status">
        {state === 'copied' ? t('common.copied') : state === 'failed' ? t('common.copyFailed') : ''}
      </span>
    </>
  );
}
