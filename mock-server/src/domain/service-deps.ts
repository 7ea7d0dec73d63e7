/** What every domain service is built from (explicit dependencies, no globals). */
import type { MockConfig } from '../config';
import type { Clock } from '../shared/clock';
import type { EventBus } from '../shared/events';
import type { IdGenerator } from '../shared/ids';
import type { Scheduler } from '../shared/scheduler';
import type { MockState } from '../state/mock-state';

export interface ServiceDeps {
  state: MockState;
  clock: Clock;
  ids: IdGenerator;
  events: EventBus;
  scheduler: Scheduler;
  config: MockConfig;
}
