// Where personal data about a person lives: every column that points to an account (a foreign key to users.id) and
// every column holding an e-mail address. The export walks this list, and a test compares it with the database
// schema (information_schema), so a table added later without an entry here fails the tests until it is listed.
import { sql } from 'drizzle-orm';
import type { Handle } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';

export interface PersonalDataSource {
  table: string;
  column: string;
  /** `user`: the column holds the account's id; `email`: an e-mail address compared without case. */
  match: 'user' | 'email';
  /** The section's title in the readable export (French). */
  label: string;
  /**
   * Only these columns, when the rows are someone else's data the person merely authored or recorded (an
   * invitation to another address, a consent collected from someone else, a contact log naming the people met):
   * ids, dates and non-personal fields, never third parties' names or addresses.
   */
  only?: string[];
  /** Text columns whose links carrying a secret token (password reset, invitation) are removed from the export. */
  tokenLinks?: string[];
}

const user = (table: string, column: string, label: string): PersonalDataSource => ({
  table,
  column,
  match: 'user',
  label,
});
const email = (table: string, column: string, label: string): PersonalDataSource => ({
  table,
  column,
  match: 'email',
  label,
});
const authored = (table: string, column: string, label: string, only: string[]): PersonalDataSource => ({
  ...user(table, column, label),
  only,
});

export const personalDataSources: PersonalDataSource[] = [
  // the account
  user('sessions', 'user_id', 'Sessions de connexion'),
  user('api_tokens', 'user_id', 'Jetons d’accès à l’API'),
  user('password_resets', 'user_id', 'Liens de changement de mot de passe'),
  email('invitations', 'email', 'Invitations reçues'),
  authored('invitations', 'invited_by', 'Invitations envoyées', [
    'id',
    'role',
    'actor_id',
    'created_at',
    'expires_at',
    'accepted_at',
  ]),
  user('consent_records', 'user_id', 'Consentements'),
  authored('consent_records', 'recorded_by', 'Consentements que vous avez enregistrés', [
    'id',
    'scope',
    'granted',
    'at',
  ]),
  user('erasure_requests', 'user_id', 'Demandes d’effacement'),
  user('erasure_requests', 'decided_by', 'Demandes d’effacement que vous avez traitées'),
  // notifications and mail
  user('notifications', 'user_id', 'Notifications'),
  user('notification_preferences', 'user_id', 'Préférences de notification'),
  user('notification_settings', 'user_id', 'Résumé hebdomadaire'),
  { ...email('outbox', 'recipient', 'Courriels envoyés à votre adresse'), tokenLinks: ['body'] },
  // the directory
  email('actor_people', 'email', 'Fiches de personnes de contact à votre adresse'),
  email('actors', 'email', 'Organisations dont l’adresse est la vôtre'),
  email('actor_claims', 'email', 'Demandes de rattachement à une organisation'),
  user('actor_claims', 'user_id', 'Comptes créés par rattachement'),
  authored('contact_logs', 'author_id', 'Suivis de contact que vous avez écrits', [
    'id',
    'actor_id',
    'partnership_id',
    'kind',
    'occurred_at',
    'created_at',
  ]),
  user('contact_next_steps', 'owner_id', 'Prochaines étapes qui vous sont confiées'),
  // territorial dialogue
  user('proposals', 'author_user_id', 'Propositions'),
  user('proposals', 'answered_by', 'Réponses aux propositions'),
  user('proposals', 'converted_by', 'Propositions transformées en projet'),
  user('proposals', 'hidden_by', 'Propositions masquées (modération)'),
  user('proposal_comments', 'author_user_id', 'Commentaires'),
  user('proposal_comments', 'hidden_by', 'Commentaires masqués (modération)'),
  user('proposal_supports', 'user_id', 'Soutiens'),
  user('proposal_pledges', 'user_id', 'Engagements'),
  user('content_reports', 'reporter_user_id', 'Signalements'),
  user('content_reports', 'resolved_by', 'Signalements traités'),
  user('moderation_decisions', 'decided_by', 'Décisions de modération'),
  user('challenges', 'created_by', 'Défis créés'),
  user('challenges', 'closed_by', 'Défis clos'),
  // events
  user('event_registrations', 'user_id', 'Inscriptions aux événements'),
  user('event_invitations', 'user_id', 'Invitations à des événements'),
  user('event_invitations', 'invited_by', 'Invitations à des événements envoyées'),
  user('events', 'created_by', 'Événements créés'),
  user('event_minutes', 'updated_by', 'Comptes rendus modifiés'),
  user('event_minute_items', 'created_by', 'Points de compte rendu écrits'),
  // matchmaking, partnerships, alliances, projects
  user('match_decisions', 'decided_by', 'Décisions sur les partenaires suggérés'),
  user('match_requests', 'created_by', 'Mises en relation demandées'),
  user('match_requests', 'responded_by', 'Mises en relation répondues'),
  user('partnerships', 'created_by', 'Partenariats créés'),
  user('partnership_events', 'user_id', 'Historique des partenariats'),
  user('partnership_partners', 'publish_consent_by', 'Accords de publication (partenariats)'),
  user('partnership_documents', 'uploaded_by', 'Documents de partenariat déposés'),
  user('alliances', 'created_by', 'Alliances créées'),
  user('alliance_members', 'publish_consent_by', 'Accords de publication (alliances)'),
  user('needs_offers', 'created_by', 'Besoins et offres publiés'),
  user('projects', 'created_by', 'Projets phares créés'),
  user('programmes', 'created_by', 'Programmes créés'),
  user('programme_actions', 'created_by', 'Actions de programme créées'),
  user('diagnostics', 'created_by', 'Diagnostics commencés'),
  user('diagnostics', 'completed_by', 'Diagnostics terminés'),
  user('evaluations', 'opened_by', 'Évaluations ouvertes'),
  user('evaluations', 'closed_by', 'Évaluations closes'),
  user('evaluation_responses', 'answered_by', 'Réponses aux évaluations'),
  user('evaluation_indicators', 'updated_by', 'Indicateurs d’évaluation renseignés'),
  user('annual_reviews', 'updated_by', 'Bilans annuels modifiés'),
  // funding and imports
  user('funding_calls', 'created_by', 'Appels à projets créés'),
  user('funding_applications', 'created_by', 'Dossiers de financement créés'),
  user('funding_application_steps', 'by_user_id', 'Étapes de dossiers de financement'),
  user('funding_documents', 'uploaded_by', 'Pièces de financement déposées'),
  user('volunteer_logs', 'created_by', 'Heures de bénévolat saisies'),
  user('scdl_imports', 'imported_by', 'Imports de subventions'),
  user('import_runs', 'started_by', 'Imports de registres'),
  user('import_match_reviews', 'decided_by', 'Rapprochements d’import décidés'),
  // history without a foreign key on purpose (kept after erasure, pointing to the anonymised account)
  user('actor_history', 'user_id', 'Modifications de fiches d’organisation'),
  user('audit_entries', 'user_id', 'Journal d’audit de vos actions'),
];

/** Never exported: secrets (hashes, tokens) and what is not data about the person (search vectors, file bytes). */
export const hiddenColumn = (name: string, dataType: string) =>
  name.endsWith('_hash') ||
  name === 'csrf_token' ||
  name === 'email_key' ||
  dataType === 'tsvector' ||
  dataType === 'bytea';

export interface ColumnInfo {
  table: string;
  column: string;
  dataType: string;
  generated: boolean;
}

/** The columns of the public schema's tables (one query), for the export and the erasure's scrub. */
export function publicColumns(db: Handle): Promise<ColumnInfo[]> {
  return rowsOf<ColumnInfo>(
    db,
    sql`SELECT c.table_name AS "table", c.column_name AS "column", c.data_type AS "dataType",
          (c.is_generated = 'ALWAYS') AS "generated"
        FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
        ORDER BY c.table_name, c.ordinal_position`,
  );
}

/** Every foreign key column to users(id), as `table.column`. */
export async function userForeignKeys(db: Handle): Promise<string[]> {
  const rows = await rowsOf<{ ref: string }>(
    db,
    sql`SELECT DISTINCT kcu.table_name || '.' || kcu.column_name AS ref
        FROM information_schema.referential_constraints rc
        JOIN information_schema.key_column_usage kcu
          ON kcu.constraint_name = rc.constraint_name AND kcu.constraint_schema = rc.constraint_schema
        JOIN information_schema.constraint_column_usage ccu
          ON ccu.constraint_name = rc.constraint_name AND ccu.constraint_schema = rc.constraint_schema
        WHERE kcu.table_schema = 'public' AND ccu.table_name = 'users' AND ccu.column_name = 'id'
        ORDER BY 1`,
  );
  return rows.map((r) => r.ref);
}
