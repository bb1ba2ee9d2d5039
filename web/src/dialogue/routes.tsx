import type { ReactNode } from 'react';

export function dialogueRoutes(): ReactNode {
  return null;
}
