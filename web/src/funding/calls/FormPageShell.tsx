import type { ReactNode } from 'react';
import type { ApiQuery } from '../../api/useApi';
import { ApiErrorAlert, Loading } from '../../ui/feedback';
import { usePageTitle } from '../../ui/usePageTitle';
import { FundingNav } from '../FundingNav';

/**
 * The page around a funding form (a call, an application): its title, the funding menu, then the form once the thing
 * edited is loaded (at once for a new one).
 */
export function FormPageShell<T>({
  title,
  editing,
  existing,
  children,
}: {
  title: string;
  /** Whether an existing thing is edited (the form waits for it). */
  editing: boolean;
  existing: ApiQuery<T>;
  children: (existing: T | undefined) => ReactNode;
}) {
  usePageTitle(title);
  return (
    <div className="funding-page narrow">
      <h1>{title}</h1>
      <FundingNav />
      {existing.error ? <ApiErrorAlert error={existing.error} /> : null}
      {editing && !existing.data ? existing.error ? null : <Loading /> : children(existing.data)}
    </div>
  );
}
