import { ok, partnerOf, type PartnerHandlers } from '../../http/handler';
import type { ProfileService } from './profile-service';

export function createProfileHandlers(profile: ProfileService) {
  return {
    getProfile: (ctx) => ok(profile.get(partnerOf(ctx))),
    updateProfile: (ctx) => ok(profile.update(partnerOf(ctx), ctx.body)),
  } satisfies Partial<PartnerHandlers>;
}
