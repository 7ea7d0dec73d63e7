/**
 * QA fault injection: for one operationId (or all), answer with a given status and D5 body, add
 * latency, drop the connection, or return 429 with Retry-After; for the next N calls or with a
 * probability. Faults apply before authentication, like a misbehaving gateway would. A fault that
 * answers throws its ApiError, which the error handler writes like any other (E151).
 */
import type { Request, Response } from 'express';
import type { components } from '../../../spec/generated/control-api';
import { apiError, injectedFault } from '../http/api-error';

/**
 * E227: the most faults the mock keeps at once. Each is checked on every Partner API call and saved
 * with the settings on every commit of the state file, so their number and size are bounded.
 */
export const MAX_FAULTS = 100;

/** E163: a fault as `createFault` takes it. */
export type FaultInput = components['schemas']['FaultRequest'];

/** A fault as the control API lists it, with the calls it has answered so far (`hits`). */
export type Fault = components['schemas']['Fault'];

/** Everything a restart from the state file needs to answer exactly as before (E51). */
export interface FaultsDump {
  nextId: number;
  faults: Fault[];
}

export interface FaultRegistry {
  add(input: FaultInput, createdAt: string): Fault;
  list(): Fault[];
  remove(id: number): Fault | undefined;
  clear(): number;
  /**
   * Applies the first matching fault: waits its latency, then drops the connection (true: nothing
   * is to be written), throws the ApiError it answers with, or lets the request go on (false).
   */
  apply(operationId: string, req: Request, res: Response): Promise<boolean>;
  dump(): FaultsDump;
  restore(dump: FaultsDump): void;
  /** A number that changes whenever a fault is added, removed, restored or answers a call: what the state file compares (E227). */
  version(): number;
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createFaultRegistry(random: () => number = Math.random): FaultRegistry {
  let faults: Fault[] = [];
  let nextId = 0;
  let version = 0;

  function take(operationId: string): Fault | undefined {
    for (const fault of faults) {
      if (fault.operationId && fault.operationId !== operationId) continue;
      if (fault.probability !== undefined && random() >= fault.probability) continue;
      fault.hits += 1;
      version += 1;
      if (fault.times !== undefined && fault.hits >= fault.times) faults = faults.filter((f) => f !== fault);
      return fault;
    }
    return undefined;
  }

  return {
    add(input, createdAt) {
      if (faults.length >= MAX_FAULTS) throw apiError('too_many_faults', MAX_FAULTS);
      nextId += 1;
      const fault: Fault = { ...input, id: nextId, hits: 0, createdAt };
      faults.push(fault);
      version += 1;
      return fault;
    },
    list: () => faults.map((f) => ({ ...f })),
    remove(id) {
      const fault = faults.find((f) => f.id === id);
      faults = faults.filter((f) => f.id !== id);
      if (fault) version += 1;
      return fault;
    },
    clear() {
      const n = faults.length;
      faults = [];
      if (n > 0) version += 1;
      return n;
    },
    async apply(operationId, req, res) {
      if (faults.length === 0) return false;
      const fault = take(operationId);
      if (!fault) return false;
      res.locals.fault = fault.id;
      if (fault.latencyMs) await delay(fault.latencyMs);
      if (fault.drop) {
        req.socket.destroy();
        return true;
      }
      const status = fault.status ?? (fault.retryAfter !== undefined ? 429 : undefined);
      if (status === undefined) return false;
      const body = fault.body ?? {};
      const message = typeof body.message === 'string' || Array.isArray(body.message) ? body.message : undefined;
      const code = typeof body.code === 'string' ? body.code : undefined;
      throw injectedFault(status, code, message, fault.retryAfter);
    },
    dump: () => ({ nextId, faults: faults.map((f) => ({ ...f })) }),
    restore(dump) {
      nextId = dump.nextId;
      faults = dump.faults.map((f) => ({ ...f }));
      version += 1;
    },
    version: () => version,
  };
}
