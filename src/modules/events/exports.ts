// An event's participants as CSV and XLSX, for staff (admin, animator) only: names and e-mails are personal data
// (RGPD). The files are built in memory and sent as they are; they are never logged, and their names carry the
// event's title only, never a person's.
//
// CSV for Excel in French: `;` separator, UTF-8 with a BOM (else Excel reads it as Windows-1252), CRLF, dates
// `dd/mm/yyyy hh:mm` in Europe/Paris, cells that a spreadsheet would take for a formula (`=`, `+`, `-`, `@`…)
// prefixed with `'`. XLSX: bold header row, frozen, column widths, dates as real dates shown in Paris time.
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/client.js';
import { xlsxContentType } from '../../http/contract.js';
import { slugOf } from '../../http/slug.js';
import type { Viewer } from '../actors/visibility.js';
import { type ParticipantExportRow, participantsToExport } from './service.js';

export const exportTimeZone = 'Europe/Paris';

export const participantHeaders = [
  'Organisation',
  'Nom',
  'E-mail',
  'Statut',
  'Inscrit le',
  'Position en liste d’attente',
  'Présent',
] as const;

const statusLabels: Record<ParticipantExportRow['status'], string> = {
  registered: 'Inscrit',
  waitlisted: 'Liste d’attente',
};

const parisParts = new Intl.DateTimeFormat('fr-FR', {
  timeZone: exportTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function wallClock(d: Date) {
  const p = Object.fromEntries(parisParts.formatToParts(d).map((x) => [x.type, x.value]));
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
    second: Number(p.second),
  };
}

const two = (n: number) => String(n).padStart(2, '0');

/** `15/03/2025 18:05`: the instant in Paris time, French format. */
export function formatDateFr(d: Date): string {
  const w = wallClock(d);
  return `${two(w.day)}/${two(w.month)}/${w.year} ${two(w.hour)}:${two(w.minute)}`;
}

/**
 * A Date whose UTC fields are Paris' wall clock at `d`: spreadsheet dates have no time zone, and exceljs writes the
 * UTC fields, so the cell shows the Paris time.
 */
export function parisWallClockAsUtc(d: Date): Date {
  const w = wallClock(d);
  return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second));
}

/** A text a spreadsheet would evaluate as a formula gets a leading `'` (CSV injection). */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The cells of one row, as text, in the order of participantHeaders. */
export function participantCells(r: ParticipantExportRow): string[] {
  return [
    r.organisation ?? '',
    r.name,
    r.email,
    statusLabels[r.status],
    formatDateFr(r.registeredAt),
    r.waitlistPosition === null ? '' : String(r.waitlistPosition),
    r.present ? 'Oui' : 'Non',
  ];
}

/** The CSV text (with its BOM): header row, then one row per participant. */
export function participantsCsv(rows: ParticipantExportRow[]): string {
  const records = [[...participantHeaders], ...rows.map((r) => participantCells(r).map(neutraliseFormula))];
  return `\ufeff${stringify(records, { delimiter: ';', record_delimiter: '\r\n' })}`;
}

const columnWidths = [32, 28, 34, 16, 18, 14, 10];

/** The XLSX workbook: one sheet « Participants », bold frozen header, widths, real dates and numbers. */
export async function participantsXlsx(rows: ParticipantExportRow[], sheetTitle: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Alliances';
  workbook.title = sheetTitle;
  const sheet = workbook.addWorksheet('Participants', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = participantHeaders.map((header, i) => ({ header, width: columnWidths[i] ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    sheet.addRow([
      r.organisation ?? '',
      r.name,
      r.email,
      statusLabels[r.status],
      parisWallClockAsUtc(r.registeredAt),
      r.waitlistPosition,
      r.present ? 'Oui' : 'Non',
    ]);
  }
  sheet.getColumn(5).numFmt = 'dd/mm/yyyy hh:mm';
  sheet.getCell('E1').numFmt = '@';
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

export type ParticipantsFormat = 'csv' | 'xlsx';

export const exportContentTypes: Record<ParticipantsFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: xlsxContentType,
};

/** The participants' file of an event, staff only; its name from the event's title, without personal data. */
export async function participantsFile(
  db: Db,
  viewer: Viewer,
  eventId: string,
  format: ParticipantsFormat,
): Promise<{ filename: string; body: Uint8Array }> {
  const { event, rows } = await participantsToExport(db, viewer, eventId);
  const filename = `participants-${slugOf(event.title, 'evenement')}.${format}`;
  const body =
    format === 'csv'
      ? new Uint8Array(Buffer.from(participantsCsv(rows), 'utf8'))
      : await participantsXlsx(rows, event.title);
  return { filename, body };
}
