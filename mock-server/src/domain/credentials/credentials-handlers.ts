import { created, ok, partnerOf, type HandlerTable } from '../../http/handler';
import type { CredentialsService } from './credentials-service';

export function createCredentialsHandlers(credentials: CredentialsService): HandlerTable {
  return {
    listCredentials: (ctx) => ok(credentials.list(partnerOf(ctx))),
    createCredential: (ctx) => created(credentials.create(partnerOf(ctx), (ctx.body as { name: string }).name)),
    rotateCredential: (ctx) => ok(credentials.rotate(partnerOf(ctx), ctx.params.credentialId as number)),
    revokeCredential: (ctx) => ok(credentials.revoke(partnerOf(ctx), ctx.params.credentialId as number)),
  };
}
