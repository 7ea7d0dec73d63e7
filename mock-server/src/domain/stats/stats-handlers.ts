import { ok, partnerOf, type HandlerTable } from '../../http/handler';
import type { StatsService } from './stats-service';

export function createStatsHandlers(stats: StatsService): HandlerTable {
  return {
    getStats: (ctx) => ok(stats.get(partnerOf(ctx), ctx.query)),
  };
}
