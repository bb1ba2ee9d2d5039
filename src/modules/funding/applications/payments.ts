// Payments received on a granted application: never more in all than the amount granted.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { conflict, invalid, notFound, parseInput } from '../../../errors.js';
import { requireStaff, type Viewer } from '../../actors/visibility.js';
import { toCents } from '../../projects/contract.js';
import { securedStatuses } from '../vocabulary.js';
import { type PaymentInput, paymentFields } from './contract.js';
import { fundingApplications, fundingPayments } from './schema.js';
import { requireApplication } from './service.js';

export async function addPayment(db: Db, by: Viewer, id: string, input: PaymentInput): Promise<void> {
  requireStaff(by);
  const data = parseInput(paymentFields, input);
  await db.transaction(async (tx) => {
    // Locked: two payments recorded at once cannot both pass the cap.
    const app = await requireApplication(tx, id, true);
    if (!(securedStatuses as readonly string[]).includes(app.status) || app.amountGranted === null) {
      throw conflict('Un versement s’enregistre sur un dossier accordé.', [{ field: 'status', code: 'notGranted' }]);
    }
    const [sum] = await tx
      .select({ received: sql<string>`coalesce(sum(${fundingPayments.amount}), 0)` })
      .from(fundingPayments)
      .where(eq(fundingPayments.applicationId, id));
    if (toCents(Number(sum?.received ?? 0)) + toCents(data.amount) > toCents(app.amountGranted)) {
      throw invalid([{ field: 'amount', code: 'paymentsOverGrant' }]);
    }
    await tx.insert(fundingPayments).values({ applicationId: id, ...data });
    await tx.update(fundingApplications).set({ updatedAt: new Date() }).where(eq(fundingApplications.id, id));
  });
}

export async function deletePayment(db: Db, by: Viewer, id: string, paymentId: string): Promise<void> {
  requireStaff(by);
  const deleted = await db
    .delete(fundingPayments)
    .where(and(eq(fundingPayments.id, paymentId), eq(fundingPayments.applicationId, id)))
    .returning({ id: fundingPayments.id });
  if (deleted.length === 0) throw notFound('Versement');
}
