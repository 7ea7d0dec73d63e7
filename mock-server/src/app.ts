/**
 * createApp(deps): the request pipeline, one stage a line, in the order a request meets them.
 * It never reads the environment and never listens (see server.ts and main.ts).
 *
 *   due timers + state file commit before the answer (E50) + request id, log, journal and live event (on finish)
 *   → QA console and test receiver (E70, E73) → hosted pages
 *   → operation of the control or partner API (one lookup) → JSON body → its handler → 404 → errors
 */
import express, { type Express } from 'express';
import type { AppDeps } from './deps';
import { createErrorHandler, routeNotFound } from './http/error-handler';
import { buildOperationRoutes, serveOperations } from './openapi/mount-operations';
import { authenticatePartner } from './http/authenticate';
import { authenticateControl } from './control/control-auth';
import { createPagesRouter } from './pages';
import { createConsoleRouter } from './console/console-router';
import { publishAnswer } from './control/live-events';
import { requestTracker } from './shared/logger';

const isJson = (req: { headers: Record<string, string | string[] | undefined> }) =>
  /^application\/([\w.+-]+\+)?json\b/i.test(String(req.headers['content-type'] ?? ''));

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');

  const track = requestTracker(deps.logger, deps.clock, (req, res, ms, at) =>
    publishAnswer(deps.live, req, res, deps.journal.record(req, res, ms, at)),
  );
  const persistence = deps.persistence.durable ? deps.persistence : null;
  app.use((req, res, next) => {
    deps.scheduler.runDue(); // fires expiries the clock has reached, even between timer ticks
    persistence?.guard(res); // nothing is answered before what it changed is in the state file
    deps.journal.watch(req, res);
    track(req, res, next);
  });
  app.use(createConsoleRouter(deps));
  app.use(createPagesRouter(deps));
  app.use(
    serveOperations(
      [controlRoutes(deps), partnerRoutes(deps)],
      express.json({ limit: '1mb', strict: true, type: isJson }),
    ),
  );
  app.use(routeNotFound);
  app.use(createErrorHandler(deps.logger));
  return app;
}

function controlRoutes(deps: AppDeps) {
  return buildOperationRoutes({
    operations: deps.control.operations,
    validators: deps.control.validators,
    handlers: deps.control.handlers,
    authenticate: (req) => authenticateControl(deps.config, req),
    validateResponses: deps.config.validateResponses,
    logger: deps.logger,
  });
}

function partnerRoutes(deps: AppDeps) {
  return buildOperationRoutes({
    operations: deps.partnerApi.operations,
    validators: deps.partnerApi.validators,
    handlers: deps.partnerApi.handlers,
    authenticate: (req) => authenticatePartner(deps.state, req),
    faults: deps.faults,
    validateResponses: deps.config.validateResponses,
    logger: deps.logger,
  });
}
