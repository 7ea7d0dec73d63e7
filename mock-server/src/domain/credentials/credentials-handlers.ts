import { created, ok, partnerOf, type PartnerHandlers } from '../../http/handler';
import type { CredentialsService } from './credentials-service';

export function createCredentialsHandlers(credentials: CredentialsService) {
  return {
    listCredentials: (ctx) => ok(credentials.list(partnerOf(ctx))),
    createCredential: (ctx) => created(credentials.create(partnerOf(ctx), ctx.body.name)),
    rotateCredential: (ctx) => ok(credentials.rotate(partnerOf(ctx), ctx.params.credentialId)),
    revokeCredential: (ctx) => ok(credentials.revoke(partnerOf(ctx), ctx.params.credentialId)),
  } satisfies Partial<PartnerHandlers>;
}
