// The readable version of the personal data export: one self-contained French HTML page (no script, no external
// resource), every value escaped.
import type { ExportRow, ExportValue, PersonalData } from './export.js';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const dateFormat = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Paris',
});
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Column names people read: the common ones in French, the others as they are in the database. */
const columnLabels: Record<string, string> = {
  id: 'Identifiant',
  email: 'Adresse e-mail',
  display_name: 'Nom affiché',
  name: 'Nom',
  role: 'Rôle',
  phone: 'Téléphone',
  locale: 'Langue',
  commune_code: 'Commune (code INSEE)',
  created_at: 'Créé le',
  updated_at: 'Modifié le',
  expires_at: 'Expire le',
  last_login_at: 'Dernière connexion',
  last_used_at: 'Dernière utilisation',
  revoked_at: 'Révoqué le',
  at: 'Date',
  title: 'Titre',
  body: 'Texte',
  subject: 'Objet',
  recipient: 'Destinataire',
  sent_at: 'Envoyé le',
  status: 'État',
  scope: 'Portée',
  granted: 'Accordé',
  source: 'Origine',
  kind: 'Type',
  reason: 'Motif',
};

function cell(value: ExportValue): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (typeof value === 'string' && isoInstant.test(value)) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return escapeHtml(dateFormat.format(date));
  }
  return escapeHtml(typeof value === 'object' ? JSON.stringify(value) : String(value));
}

function table(rows: ExportRow[]): string {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const head = keys.map((k) => `<th scope="col">${escapeHtml(columnLabels[k] ?? k)}</th>`).join('');
  const body = rows.map((r) => `<tr>${keys.map((k) => `<td>${cell(r[k] ?? null)}</td>`).join('')}</tr>`).join('\n');
  return `<div class="wrap"><table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

function accountList(account: ExportRow): string {
  const items = Object.entries(account)
    .map(([k, v]) => `<dt>${escapeHtml(columnLabels[k] ?? k)}</dt><dd>${cell(v)}</dd>`)
    .join('\n');
  return `<dl>\n${items}\n</dl>`;
}

export function renderPersonalDataHtml(data: PersonalData): string {
  const filled = data.sections.filter((s) => s.rows.length > 0);
  const sections = filled
    .map(
      (s) => `<section><h2>${escapeHtml(s.label)} <small>(${s.rows.length})</small></h2>\n${table(s.rows)}</section>`,
    )
    .join('\n');
  const empty = data.sections.filter((s) => s.rows.length === 0).map((s) => escapeHtml(s.label));
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mes données personnelles — Alliances</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; color: #1e1e1e; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; } small { font-weight: normal; color: #555; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; } dt { font-weight: 600; }
.wrap { overflow-x: auto; } table { border-collapse: collapse; font-size: .9rem; }
th, td { border: 1px solid #bbb; padding: .25rem .5rem; text-align: left; vertical-align: top; }
</style>
</head>
<body>
<h1>Mes données personnelles</h1>
<p>Document produit le ${cell(data.generatedAt)}. Il contient toutes les données que la plateforme Alliances
conserve sur votre compte, hors secrets (mot de passe et jetons, conservés uniquement sous forme d’empreinte).
Le même contenu existe au format JSON, lisible par une machine.</p>
<section><h2>Compte</h2>
${accountList(data.account)}
</section>
${sections}
<section><h2>Rubriques sans donnée vous concernant</h2>
<p>${empty.join(' · ') || '—'}</p>
</section>
</body>
</html>
`;
}
