// Shared by server and web: a list's download, as CSV and as XLSX, with the list's own filters. Declared once here so
// that every list names its files' routes, caps and access the same way.
import type { z } from 'zod';
import type { Access } from '../auth/roles.js';
import { binaryFile, defineRoute } from './contract.js';

export const listExportFormats = ['csv', 'xlsx'] as const;
export type ListExportFormat = (typeof listExportFormats)[number];

/**
 * The most rows one file holds: past it, the caller is asked to narrow the filters (a 422 problem). Lower for XLSX:
 * even streamed, a workbook costs far more per row to write than CSV text, and the routes are public.
 */
export const listExportCaps: Record<ListExportFormat, number> = { csv: 50_000, xlsx: 10_000 };

/**
 * The two routes `<list path>/export.csv` and `<list path>/export.xlsx`: the same access and the same query as the
 * list without its paging, every matching row in the list's order.
 */
export function listExportRoutes<Q extends z.ZodType>(list: {
  path: string;
  /** What the rows are, for the OpenAPI summary (`Actors of the directory`). */
  what: string;
  tags: string[];
  access: Access;
  query: Q;
}) {
  const route = (format: ListExportFormat, as: string) =>
    defineRoute({
      method: 'GET',
      path: `${list.path}/export.${format}`,
      summary: `${list.what} matching the list's filters, in its order (up to ${listExportCaps[format]} rows, else 422), ${as}`,
      tags: list.tags,
      access: list.access,
      query: list.query,
      response: binaryFile,
    });
  return {
    csv: route('csv', 'as CSV for Excel in French (`;`, UTF-8 BOM, CRLF, Paris dates)'),
    xlsx: route('xlsx', 'as an XLSX workbook (real dates and numbers)'),
  };
}
export type ListExportRoutes = ReturnType<typeof listExportRoutes>;
