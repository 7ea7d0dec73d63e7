/**
 * createApp(deps): the request pipeline, one stage a line, in the order a request meets them.
 * It never reads the environment and never listens (see server.ts and main.ts).
 *
 *   due timers + state file commit before the answer (E50) + request id, log, journal and live event (on finish)
 *   → operation of the control or partner API (one lookup) → JSON body → its handler → errors
 *   → otherwise Express's router: QA console and test receiver (E70, E73) → hosted pages → 404 → errors
 *
 * E120 (ARCHITECTURE.md): API operations are answered in front of Express's router, by `app.handle`.
 */
import http from 'node:http';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Runtime } from './runtime/runtime';
import { jsonBody } from './http/body-parsers';
import { createErrorHandler, routeNotFound } from './http/error-handler';
import { buildOperationRoutes, serveOperations, type OperationRouteOptions } from './openapi/operation-routes';
import { authenticatePartner } from './http/authenticate';
import { authenticateControl } from './control/control-auth';
import { createPagesRouter } from './pages';
import { createConsoleRouter } from './console/console-router';
import { publishAnswer } from './control/live-events';
import { requestTracker } from './shared/logger';

const isJson = (req: { headers: Record<string, string | string[] | undefined> }) =>
  /^application\/([\w.+-]+\+)?json\b/i.test(String(req.headers['content-type'] ?? ''));

/** The request and response classes a server gives `http.createServer` (E198). */
export interface AppServerClasses {
  IncomingMessage: typeof http.IncomingMessage;
  ServerResponse: typeof http.ServerResponse;
}

/**
 * E198: classes for the mock's own server whose requests and responses are born with the app's
 * prototypes (Express's request and response, with `app`) once `createApp` got them, so that the
 * app does not swap the prototypes of every request and response (a cost of its own in profiles,
 * and objects whose prototype changed after they were made are slower to read).
 * E210: they are `class … extends` Node's classes, not functions that apply Node's constructor to
 * their `this`: an object made that way has room for none of the constructor's fields, and the
 * response's symbol-keyed fields then turn it into a dictionary (slow properties) on every request.
 */
export function createServerClasses(): AppServerClasses {
  class AppRequest extends http.IncomingMessage {}
  class AppResponse extends http.ServerResponse {}
  return { IncomingMessage: AppRequest, ServerResponse: AppResponse as unknown as typeof http.ServerResponse };
}

/** A class's prototype object gets the app's prototype as its own (a class's `prototype` is fixed). */
function bornWithPrototypesOf(app: Express, classes: AppServerClasses): void {
  Object.setPrototypeOf(classes.IncomingMessage.prototype, app.request);
  Object.setPrototypeOf(classes.ServerResponse.prototype, app.response);
}

export function createApp(deps: Runtime, serverClasses?: AppServerClasses): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');

  const track = requestTracker(deps.logger, deps.clock, (req, res, ms, at) =>
    publishAnswer(deps.live, req, res, deps.journal.record(req, res, ms, at)),
  );
  const persistence = deps.persistence.durable ? deps.persistence : null;
  const begin = (req: Request, res: Response, next: NextFunction) => {
    deps.timeline.runDue(); // E140: what the clock has reached happens before the request is read
    persistence?.guard(res); // nothing is answered before what it changed is in the state file
    deps.journal.watch(req, res);
    track(req, res, next);
  };
  const operations = serveOperations(
    [
      apiRoutes(deps, deps.control, (req) => authenticateControl(deps.config, req)),
      // Injected faults apply to the Partner API only; the control API is where QA sets them.
      apiRoutes(deps, deps.partnerApi, (req) => authenticatePartner(deps.state, req), deps.faults),
    ],
    jsonBody(isJson),
  );
  const handleError = createErrorHandler(deps.logger);

  app.use(createConsoleRouter(deps));
  app.use(createPagesRouter(deps));
  app.use(routeNotFound);
  app.use(handleError);

  // E120: what Express's `app.handle` does per request (the circular references, its request and
  // response prototypes, `res.locals`), then the first stage and the operations, which need
  // nothing of the router. Anything that is not an operation goes on to the router as before.
  const express_ = app as unknown as { handle: (req: Request, res: Response, done?: NextFunction) => void };
  const routerHandle = express_.handle.bind(app);
  const appHandle = (req: Request, res: Response, done?: NextFunction): void => {
    req.res = res;
    res.req = req;
    // E198: a request of the mock's own server has them already (one link up); any other gets them here.
    if (!Object.prototype.isPrototypeOf.call(app.request, req)) Object.setPrototypeOf(req, app.request);
    if (!Object.prototype.isPrototypeOf.call(app.response, res)) Object.setPrototypeOf(res, app.response);
    if (!res.locals) res.locals = Object.create(null) as Response['locals'];
    // As the router sets them (the log and journal read originalUrl); a parent app's mount keeps both.
    req.originalUrl = req.originalUrl || req.url;
    req.baseUrl = req.baseUrl || '';
    // An error after the answer began ends the connection, as Express's final handler does.
    const fail = (err: unknown) => handleError(err, req, res, (rest?: unknown) => (done ? done(rest) : res.destroy()));
    try {
      begin(req, res, () => operations(req, res, (err?: unknown) => (err ? fail(err) : routerHandle(req, res, done))));
    } catch (err) {
      fail(err); // a throw in the first stage, as the router would have caught it
    }
  };
  express_.handle = appHandle;
  if (serverClasses) bornWithPrototypesOf(app, serverClasses);
  return app;
}

function apiRoutes(
  deps: Runtime,
  api: Runtime['partnerApi'],
  authenticate: OperationRouteOptions['authenticate'],
  faults?: OperationRouteOptions['faults'],
) {
  return buildOperationRoutes({
    ...api,
    authenticate,
    ...(faults && { faults }),
    validateResponses: deps.config.validateResponses,
    logger: deps.logger,
  });
}
