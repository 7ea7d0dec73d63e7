/**
 * Public URLs of the hosted pages (D11, D22). The base is known only once the server listens
 * (port 0 in tests), so it is read at call time.
 */
export interface PublicLinks {
  base(): string;
  onboarding(token: string): string;
  pay(token: string): string;
}

export function createPublicLinks(getBase: () => string): PublicLinks {
  return {
    base: getBase,
    onboarding: (token) => `${getBase()}/onboarding/${encodeURIComponent(token)}`,
    pay: (token) => `${getBase()}/pay?token=${encodeURIComponent(token)}`,
  };
}
