import { useI18n } from '../i18n';

/** Labels of actor fields (form, hidden-field note, history), falling back to the field's name. */
export function useFieldLabel() {
  const { t } = useI18n();
  return (field: string) => {
    const key = `field.${field}`;
    const text = t(key);
    return text === key ? field : text;
  };
}

/** A translated value of an enumeration (`family.company`), or the raw value when unknown. */
export function useEnumLabel() {
  const { t } = useI18n();
  return (group: string, value: string | null | undefined) => {
    if (!value) return '';
    const key = `${group}.${value}`;
    const text = t(key);
    return text === key ? value : text;
  };
}
