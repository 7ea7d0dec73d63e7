import { ok, partnerOf, type PartnerHandlers } from '../../http/handler';
import type { StatsService } from './stats-service';

export function createStatsHandlers(stats: StatsService) {
  return {
    getStats: (ctx) => ok(stats.get(partnerOf(ctx), ctx.query)),
  } satisfies Partial<PartnerHandlers>;
}
