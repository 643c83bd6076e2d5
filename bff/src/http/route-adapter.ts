/**
 * The one way a route is served: `bind(API.x, handler)` ties a handler to its entry in the shared
 * route table, and `serveRoutes` registers every binding from the table's method, path and roles.
 * The adapter checks the caller's role, parses params, headers, query and body with the table's
 * schemas, and sends the handler's answer with the table's status, so a handler is only
 * "one service call with the parsed input".
 */
import type { Request, RequestHandler, Response, Router } from 'express';
import {
  expressPath,
  routeKey,
  type ApiRoute,
  type Role,
  type RouteAnswer,
  type RouteHeaders,
  type RoutePart,
} from '@weiquan/shared';
import { requireStaffRole } from '../auth/account-state';
import type { Caller } from '../auth/caller';
import { callerOf } from './middleware/authenticate';
import { parse } from './parse';

/** What a handler receives: the caller and the input, parsed by the route's schemas. */
export interface Call<R extends ApiRoute> {
  /** public routes: the caller when a valid token was sent */
  caller: R['roles'] extends 'public' ? Caller | undefined : Caller;
  params: RoutePart<R, 'params'>;
  query: RoutePart<R, 'query'>;
  body: RoutePart<R, 'body'>;
  headers: RouteHeaders<R>;
  /** for the few handlers that read the raw request (multipart uploads) */
  req: Request;
}

/** A JSON answer serialised already (the case list is built as text in SQL); typed by what it holds. */
export class JsonText<T> {
  declare readonly answer?: T;
  constructor(readonly text: string) {}
}

/**
 * A binary answer writes its bytes itself (streaming, with its own Content-Type and the like), once
 * the handler has found them; the route's status and Cache-Control are set before it runs.
 */
export type BinaryReply = (req: Request, res: Response) => void | Promise<void>;

export type Reply<R extends ApiRoute> = R['answer'] extends { binary: true }
  ? BinaryReply
  : R['answer'] extends { empty: true }
    ? void
    : RouteAnswer<R> | JsonText<RouteAnswer<R>>;

export type Handler<R extends ApiRoute> = (call: Call<R>) => Reply<R> | Promise<Reply<R>>;

export interface Binding {
  route: ApiRoute;
  /** middleware that runs before the role check (rate limits) */
  before: RequestHandler[];
  handle: RequestHandler;
}

function rolesOf(route: ApiRoute): Role[] {
  return route.roles === 'any' || route.roles === 'public' ? [] : [...route.roles];
}

async function send(route: ApiRoute, req: Request, res: Response, reply: unknown): Promise<void> {
  res.status(route.answer.status);
  if (route.answer.cacheControl) res.set('Cache-Control', route.answer.cacheControl);
  if ('binary' in route.answer) await (reply as BinaryReply)(req, res);
  else if ('empty' in route.answer) res.end();
  else if (reply instanceof JsonText) res.type('json').send(reply.text);
  else res.json(reply);
}

function readHeaders(route: ApiRoute, req: Request): Record<string, unknown> {
  const headers: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(route.headers ?? {})) {
    const value = req.header(name);
    if (value !== undefined || spec.required) headers[name] = parse(spec.schema, value, name);
  }
  return headers;
}

/** Ties a handler to its table entry. */
export function bind<R extends ApiRoute>(
  route: R,
  handler: Handler<R>,
  opts: { before?: RequestHandler[] } = {},
): Binding {
  const roles = rolesOf(route);
  if (route.staffRoles && !(roles.length === 1 && roles[0] === 'staff'))
    throw new Error(`${routeKey(route)}: staffRoles need roles ['staff']`);
  const handle: RequestHandler = async (req, res) => {
    const caller = route.roles === 'public' ? req.caller : callerOf(req, ...roles);
    if (route.staffRoles && caller) requireStaffRole(caller, route.staffRoles);
    const call = {
      caller,
      params: route.params ? parse(route.params, req.params) : undefined,
      headers: readHeaders(route, req),
      query: route.query ? parse(route.query, req.query) : undefined,
      body: route.body ? parse(route.body, req.body) : undefined,
      req,
    } as Call<R>;
    await send(route, req, res, await handler(call));
  };
  return { route, before: opts.before ?? [], handle };
}

/**
 * Registers the bindings on the router, and refuses to start when they and the table differ:
 * a table entry without a handler, a handler for a route the table lacks, or one bound twice.
 */
export function serveRoutes(router: Router, table: readonly ApiRoute[], bindings: Binding[]): void {
  const bound = new Map<ApiRoute, Binding>();
  for (const b of bindings) {
    if (!table.includes(b.route)) throw new Error(`${routeKey(b.route)} is bound but not in the route table`);
    if (bound.has(b.route)) throw new Error(`${routeKey(b.route)} is bound twice`);
    bound.set(b.route, b);
  }
  const unbound = table.filter((r) => !bound.has(r)).map(routeKey);
  if (unbound.length) throw new Error(`routes in the table without a handler: ${unbound.join(', ')}`);
  // In the bindings' order: app.ts puts the busiest first (the paths are disjoint, so no answer changes).
  for (const b of bindings) router[b.route.method](expressPath(b.route.path), ...b.before, b.handle);
}
