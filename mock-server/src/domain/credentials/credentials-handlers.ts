import type { components } from '../../../../spec/generated/partner-api';
import { created, ok, partnerOf, type HandlerContext, type HandlerTable } from '../../http/handler';
import type { CredentialsService } from './credentials-service';

export function createCredentialsHandlers(credentials: CredentialsService): HandlerTable {
  return {
    listCredentials: (ctx) => ok(credentials.list(partnerOf(ctx))),
    createCredential: (ctx: HandlerContext<components['schemas']['CredentialCreateRequest']>) =>
      created(credentials.create(partnerOf(ctx), ctx.body.name)),
    rotateCredential: (ctx) => ok(credentials.rotate(partnerOf(ctx), ctx.params.credentialId as number)),
    revokeCredential: (ctx) => ok(credentials.revoke(partnerOf(ctx), ctx.params.credentialId as number)),
  };
}
