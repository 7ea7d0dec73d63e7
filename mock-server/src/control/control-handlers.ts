/**
 * Every /__control operation (spec/control-api.yaml), joined by operationId. The control API is
 * cross-partner: ids are global, and it acts as the platform, the bank or the customer would.
 */
import type { AppDeps } from '../deps';
import type { HandlerTable } from '../http/handler';
import { createControlClockHandlers } from './control-clock';
import { createControlConsoleHandlers } from './control-console';
import { createControlDeliveryHandlers } from './control-deliveries';
import { createControlFaultHandlers } from './control-faults';
import { createControlMerchantHandlers } from './control-merchants';
import { createControlPartnerHandlers } from './control-partners';
import { createControlPaymentHandlers } from './control-payments';
import { createControlRuleHandlers } from './control-rules';
import { createControlStateHandlers } from './control-state';

export function createControlHandlers(deps: AppDeps): HandlerTable {
  return {
    ...createControlStateHandlers(deps),
    ...createControlPaymentHandlers(deps),
    ...createControlMerchantHandlers(deps),
    ...createControlClockHandlers(deps),
    ...createControlPartnerHandlers(deps),
    ...createControlDeliveryHandlers(deps),
    ...createControlFaultHandlers(deps),
    ...createControlConsoleHandlers(deps),
    ...createControlRuleHandlers(deps),
  };
}
