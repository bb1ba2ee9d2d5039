// Zod compiles object parsers with `new Function` when the page allows eval, and probes for it once: under the
// Content Security Policy (no 'unsafe-eval', src/http/security.ts) the probe is refused and reported as a violation.
// Jitless parsing skips the probe; it is what zod would fall back to under the policy anyway.
import { z } from 'zod';

z.config({ jitless: true });
