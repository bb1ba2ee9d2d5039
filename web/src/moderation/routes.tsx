import type { ReactNode } from 'react';

export function moderationRoutes(): ReactNode {
  return null;
}
