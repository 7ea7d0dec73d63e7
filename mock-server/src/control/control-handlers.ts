/**
 * Every /__control operation (spec/control-api.yaml), joined by operationId. The control API is
 * cross-partner: ids are global, and it acts as the platform, the bank or the customer would.
 */
import type { ControlHandlers } from '../http/handler';
import { createControlClockHandlers } from './control-clock';
import { createControlConsoleHandlers } from './control-console';
import { createControlDeliveryHandlers } from './control-deliveries';
import { createControlFaultHandlers } from './control-faults';
import { createControlMerchantHandlers } from './control-merchants';
import type { ControlParts } from './control-parts';
import { createControlPartnerHandlers } from './control-partners';
import { createControlPaymentHandlers } from './control-payments';
import { createControlRuleHandlers } from './control-rules';
import { createControlStateHandlers } from './control-state';

/** Each factory takes the parts it names (control-parts.ts), never the whole runtime. */
export function createControlHandlers(parts: ControlParts): ControlHandlers {
  return {
    ...createControlStateHandlers(parts),
    ...createControlPaymentHandlers(parts),
    ...createControlMerchantHandlers(parts),
    ...createControlClockHandlers(parts),
    ...createControlPartnerHandlers(parts),
    ...createControlDeliveryHandlers(parts),
    ...createControlFaultHandlers(parts),
    ...createControlConsoleHandlers(parts),
    ...createControlRuleHandlers(parts),
  };
}
