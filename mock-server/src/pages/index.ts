/** The hosted pages (public, no auth): onboarding behind `onboardingUrl` and the pay page behind `paymentUrl`. */
import express, { type RequestHandler } from 'express';
import type { AppDeps } from '../deps';
import { createOnboardingPages } from './onboarding-page';
import { createPayPages } from './pay-page';

const PAGE_PATH = /^\/(onboarding|pay)(\/|$)/;

export function createPagesRouter(deps: AppDeps): RequestHandler {
  const router = express.Router();
  router.use('/onboarding', createOnboardingPages(deps));
  router.use('/pay', createPayPages(deps));
  // API requests skip the page router with one test instead of walking its layers.
  return (req, res, next) => (PAGE_PATH.test(req.path) ? router(req, res, next) : next());
}
