/** The hosted pages (public, no auth): `/`, onboarding behind `onboardingUrl` and the pay page behind `paymentUrl`. */
import express, { type RequestHandler } from 'express';
import type { AppDeps } from '../deps';
import { createOnboardingPages } from './onboarding-page';
import { createPayPages } from './pay-page';
import { createHomePage } from './home-page';

const PAGE_PATH = /^\/(onboarding|pay)(\/|$)/;

export function createPagesRouter(deps: AppDeps): RequestHandler {
  const router = express.Router();
  router.use('/onboarding', createOnboardingPages(deps));
  router.use('/pay', createPayPages(deps));
  const home = createHomePage(deps);
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
