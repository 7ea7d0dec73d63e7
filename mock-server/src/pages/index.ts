/** The hosted pages (public, no auth): `/`, onboarding behind `onboardingUrl` and the pay page behind `paymentUrl`. */
import express, { type RequestHandler } from 'express';
import type { MockConfig } from '../config';
import type { Services } from '../domain';
import type { PublicLinks } from '../shared/links';
import type { MockState } from '../state/mock-state';
import { createOnboardingPages } from './onboarding-page';
import { createPayPages } from './pay-page';
import { createHomePage } from './home-page';

const PAGE_PATH = /^\/(onboarding|pay)(\/|$)/;

/** What the pages read: the records, the services that pay and onboard, and the public links. */
export interface PageParts {
  config: MockConfig;
  state: MockState;
  services: Pick<Services, 'payments' | 'merchants'>;
  links: PublicLinks;
}

export function createPagesRouter(parts: PageParts): RequestHandler {
  const router = express.Router();
  router.use('/onboarding', createOnboardingPages(parts));
  router.use('/pay', createPayPages(parts));
  const home = createHomePage(parts);
  // API requests skip the page router with one test instead of walking its layers.
  return (req, res, next) => {
    if (req.path === '/' && (req.method === 'GET' || req.method === 'HEAD')) return void home(req, res, next);
    // Browsers ask every page's origin for an icon: no content, instead of a 404 in their console.
    if (req.path === '/favicon.ico' && (req.method === 'GET' || req.method === 'HEAD'))
      return void res.status(204).set('Cache-Control', 'public, max-age=86400').end();
    if (PAGE_PATH.test(req.path)) return void router(req, res, next);
    next();
  };
}
