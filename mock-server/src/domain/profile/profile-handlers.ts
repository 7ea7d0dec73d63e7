import { ok, partnerOf, type HandlerTable } from '../../http/handler';
import type { ProfileService } from './profile-service';

export function createProfileHandlers(profile: ProfileService): HandlerTable {
  return {
    getProfile: (ctx) => ok(profile.get(partnerOf(ctx))),
    updateProfile: (ctx) => ok(profile.update(partnerOf(ctx), ctx.body)),
  };
}
