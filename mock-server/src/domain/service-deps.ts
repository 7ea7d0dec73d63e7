/** What every domain service is built from (explicit dependencies, no globals). */
import type { MockConfig } from '../config';
import type { Clock } from '../shared/clock';
import type { EventBus } from '../shared/events';
import type { IdGenerator } from '../shared/ids';
import type { MockState } from '../state/mock-state';
import type { Timeline } from '../shared/timeline';

export interface ServiceDeps {
  state: MockState;
  clock: Clock;
  ids: IdGenerator;
  events: EventBus;
  /** The one timeline (E140): everything that happens at a clock time. */
  timeline: Timeline;
  config: MockConfig;
}
