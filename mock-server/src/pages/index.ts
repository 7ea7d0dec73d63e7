/** The hosted pages (public, no auth): onboarding behind `onboardingUrl` and the pay page behind `paymentUrl`. */
import express, { type Router } from 'express';
import type { AppDeps } from '../deps';
import { createOnboardingPages } from './onboarding-page';
import { createPayPages } from './pay-page';

export function createPagesRouter(deps: AppDeps): Router {
  const router = express.Router();
  router.use('/onboarding', createOnboardingPages(deps));
  router.use('/pay', createPayPages(deps));
  return router;
}
