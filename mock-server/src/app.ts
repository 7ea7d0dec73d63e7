/**
 * createApp(deps): the request pipeline, one stage a line, in the order a request meets them.
 * It never reads the environment and never listens (see server.ts and main.ts).
 *
 *   request id + log → journal → due timers → hosted pages → JSON body → control API → partner API → 404 → errors
 */
import express, { type Express } from 'express';
import type { AppDeps } from './deps';
import { createErrorHandler, routeNotFound } from './http/error-handler';
import { mountOperations } from './openapi/mount-operations';
import { authenticatePartner } from './http/authenticate';
import { authenticateControl } from './control/control-auth';
import { createPagesRouter } from './pages';
import { requestLogger } from './shared/logger';

const isJson = (req: { headers: Record<string, string | string[] | undefined> }) =>
  /^application\/([\w.+-]+\+)?json\b/i.test(String(req.headers['content-type'] ?? ''));

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');

  app.use(requestLogger(deps.logger));
  app.use(deps.journal.middleware);
  app.use((_req, _res, next) => {
    deps.scheduler.runDue(); // fires expiries that the clock has reached, even between timer ticks
    next();
  });
  app.use(createPagesRouter(deps));
  app.use(express.json({ limit: '1mb', strict: true, type: isJson }));
  app.use(
    mountOperations({
      operations: deps.control.operations,
      validators: deps.control.validators,
      handlers: deps.control.handlers,
      authenticate: (req) => authenticateControl(deps.config, req),
      validateResponses: deps.config.validateResponses,
      logger: deps.logger,
    }),
  );
  app.use(
    mountOperations({
      operations: deps.partnerApi.operations,
      validators: deps.partnerApi.validators,
      handlers: deps.partnerApi.handlers,
      authenticate: (req) => authenticatePartner(deps.state, req),
      faults: deps.faults,
      validateResponses: deps.config.validateResponses,
      logger: deps.logger,
    }),
  );
  app.use(routeNotFound);
  app.use(createErrorHandler(deps.logger));
  return app;
}
