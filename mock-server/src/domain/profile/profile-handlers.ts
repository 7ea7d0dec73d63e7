import type { components } from '../../../../spec/generated/partner-api';
import { ok, partnerOf, type HandlerContext, type HandlerTable } from '../../http/handler';
import type { ProfileService } from './profile-service';

export function createProfileHandlers(profile: ProfileService): HandlerTable {
  return {
    getProfile: (ctx) => ok(profile.get(partnerOf(ctx))),
    updateProfile: (ctx: HandlerContext<components['schemas']['ProfileUpdateRequest']>) =>
      ok(profile.update(partnerOf(ctx), ctx.body)),
  };
}
