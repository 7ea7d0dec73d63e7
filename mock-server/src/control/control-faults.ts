/** D6: faults injected into the Partner API, and the journal of the requests it answered. */
import type { FaultParts } from './control-parts';
import { apiError } from '../http/api-error';
import { created, ok, type HandlerTable } from '../http/handler';
import type { FaultsCleared, RequestLog } from './control-types';

export function createControlFaultHandlers({ faults, journal, clock }: FaultParts): HandlerTable {
  return {
    createFault: (ctx) => created({ ...faults.add(ctx.body, clock.now().toISOString()) }),
    listFaults: () => ok({ faults: faults.list() }),
    clearFaults: () => ok({ ok: true, removed: faults.clear() } satisfies FaultsCleared),
    deleteFault(ctx) {
      const fault = faults.remove(ctx.params.faultId as number);
      if (!fault) throw apiError('fault_not_found', ctx.params.faultId as number);
      return ok(fault);
    },

    listRequests(ctx) {
      const { operationId, paymentId, limit } = ctx.query as {
        operationId?: string;
        paymentId?: number;
        limit: number;
      };
      const filter = {
        ...(operationId !== undefined && { operationId }),
        ...(paymentId !== undefined && { paymentId }),
      };
      return ok(journal.list({ ...filter, limit }) satisfies RequestLog);
    },
    clearRequests() {
      journal.clear();
      return ok({ ok: true });
    },
  };
}
