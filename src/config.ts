import path from 'node:path';

/** Runtime settings, all from the environment (see the README's configuration table). */
export interface Config {
  port: number;
  host: string;
  /** PostgreSQL server URL; when absent the embedded PGlite database under dataDir is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  production: boolean;
  /** Public base URL used in e-mailed links (invitations, password resets). */
  publicUrl: string;
  smtpUrl: string | undefined;
  /** Sender of outgoing e-mails; defaults to ne-pas-repondre@ the PUBLIC_URL host. */
  mailFrom: string | undefined;
  /** Proxy hops whose X-Forwarded-For is trusted (0: none, so clients cannot choose their address). */
  trustProxy: number;
  logLevel: string;
  /** Load the Pays d'Aix demo data into an empty database; asking for it in production stops the start-up. */
  demoData: boolean;
  /** Hours between two recomputations of the stored partner suggestions by the server (0: never, use the CLI). */
  matchingRefreshHours: number;
  /** Largest register file accepted by the admin web upload, in bytes (files kept under dataDir/imports). */
  importMaxBytes: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  const production = env.NODE_ENV === 'production';
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    production,
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${port}`,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || undefined,
    trustProxy: Number(env.TRUST_PROXY ?? 0),
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    demoData: production ? env.DEMO_DATA === 'true' : env.DEMO_DATA !== 'false',
    matchingRefreshHours: Number(env.MATCHING_REFRESH_HOURS ?? 24),
    importMaxBytes: byteCount('IMPORT_MAX_BYTES', env.IMPORT_MAX_BYTES, 20 * 1024 ** 3),
  };
}

/** A size in bytes from the environment: a positive whole number, else the start-up stops (NaN would mean no limit). */
function byteCount(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const bytes = Number(value);
  if (!Number.isSafeInteger(bytes) || bytes <= 0) {
    throw new Error(`${name} must be a positive whole number of bytes (got "${value}")`);
  }
  return bytes;
}
