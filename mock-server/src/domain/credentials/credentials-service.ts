/**
 * D31: credential pairs of a partner. The full secret appears only in the create and rotate
 * responses; rotating or revoking takes effect on the very next call (the auth check reads the
 * same record). A partner keeps at least one active credential.
 */
import type { components } from '../../../../spec/generated/partner-api';
import { apiError } from '../../http/api-error';
import type { CredentialRecord, PartnerRecord } from '../../state/records';
import { responseFields } from '../response-fields';
import type { ServiceDeps } from '../service-deps';

type Credential = components['schemas']['Credential'];
type CredentialWithSecret = components['schemas']['CredentialWithSecret'];

const credentialFields = responseFields('Credential');

/** The credential's fields as the spec lists them (E175), with only the secret's last four characters. */
export function toCredentialResponse(c: CredentialRecord): Credential {
  return credentialFields({ ...c, clientSecretLast4: `...${c.secret.slice(-4)}` });
}

const withSecret = (c: CredentialRecord): CredentialWithSecret => ({
  ...toCredentialResponse(c),
  clientSecret: c.secret,
});

export function createCredentialsService({ state, clock, ids }: Pick<ServiceDeps, 'state' | 'clock' | 'ids'>) {
  function find(partner: PartnerRecord, id: number): CredentialRecord {
    const credential = state.credentials.get(id);
    // D2: another partner's credential answers exactly like a missing one.
    if (!credential || credential.partnerId !== partner.id) throw apiError('credential_not_found', id);
    return credential;
  }

  return {
    list: (partner: PartnerRecord) => state.credentialsOf(partner.id).map(toCredentialResponse),

    create(partner: PartnerRecord, name: string, fixed?: { clientId?: string; secret?: string }): CredentialWithSecret {
      const now = clock.now().toISOString();
      const credential: CredentialRecord = {
        id: state.nextId('credential'),
        partnerId: partner.id,
        name,
        clientId: fixed?.clientId ?? ids.uuid(),
        secret: fixed?.secret ?? ids.hex(32),
        status: 'active',
        createdAt: now,
        updatedAt: now,
      };
      state.addCredential(credential);
      return withSecret(credential);
    },

    rotate(partner: PartnerRecord, id: number): CredentialWithSecret {
      const credential = find(partner, id);
      if (credential.status === 'revoked') throw apiError('credential_revoked', id, 'rotate');
      credential.secret = ids.hex(32);
      credential.updatedAt = clock.now().toISOString();
      state.touch('credentials', credential);
      return withSecret(credential);
    },

    revoke(partner: PartnerRecord, id: number): Credential {
      const credential = find(partner, id);
      if (credential.status === 'revoked') throw apiError('credential_revoked', id, 'revoke');
      const active = state.credentialsOf(partner.id).filter((c) => c.status === 'active');
      if (active.length <= 1) throw apiError('last_active_credential');
      credential.status = 'revoked';
      credential.updatedAt = clock.now().toISOString();
      state.touch('credentials', credential);
      return toCredentialResponse(credential);
    },
  };
}

export type CredentialsService = ReturnType<typeof createCredentialsService>;
