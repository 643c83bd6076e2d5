/**
 * What one entry of the route table (api-routes.ts) says, and the types every side infers from it:
 * the BFF's handlers get the parsed input (z.output), the mini-program sends z.input and reads the
 * answer. Nothing about a route is written a second time anywhere else.
 */
import type { z } from 'zod';
import type { Role, StaffRole } from './roles';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Who may call: `public` (no token needed), `any` logged-in role, or exactly the roles named. */
export type RouteRoles = 'public' | 'any' | readonly Role[];

export interface HeaderSpec {
  schema: z.ZodType;
  required: boolean;
  description: string;
}

export interface JsonAnswerSpec {
  status: number;
  schema: z.ZodType;
  /** sent with every successful answer (OpenAPI lists it) */
  cacheControl?: string;
}

export interface BinaryAnswerSpec {
  status: number;
  binary: true;
  /** what the bytes are when the route always sends one type (default: application/octet-stream) */
  mediaType?: string;
  cacheControl?: string;
}

/** 204: nothing in the body */
export interface EmptyAnswerSpec {
  status: 204;
  empty: true;
  cacheControl?: string;
}

export interface ApiRoute {
  method: HttpMethod;
  /** OpenAPI style, `{name}` for a path parameter; relative to /api/v1 */
  path: string;
  summary: string;
  roles: RouteRoles;
  /** staff-only routes: the staff roles allowed (absent: every staff role); see STAFF_ROLES */
  staffRoles?: readonly StaffRole[];
  /** one key per `{name}` in the path */
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  headers?: Readonly<Record<string, HeaderSpec>>;
  /** multipart upload with one `file` field (the handler reads the stream itself) */
  multipart?: boolean;
  answer: JsonAnswerSpec | BinaryAnswerSpec | EmptyAnswerSpec;
  tags: readonly string[];
}

type Io = 'input' | 'output';
type Infer<S, IO extends Io> = S extends z.ZodType ? (IO extends 'input' ? z.input<S> : z.output<S>) : never;

/** The parsed (`output`) or sendable (`input`) shape of a route's params, query or body; `undefined` when it has none. */
export type RoutePart<R, K extends 'params' | 'query' | 'body', IO extends Io = 'output'> = R extends {
  [P in K]: infer S extends z.ZodType;
}
  ? Infer<S, IO>
  : undefined;

type HeaderValue<H, IO extends Io> = H extends { schema: infer S extends z.ZodType } ? Infer<S, IO> : never;

/** The route's headers by name: required ones present, optional ones possibly absent. */
export type RouteHeaders<R, IO extends Io = 'output'> = R extends { headers: infer H }
  ? { [K in keyof H as H[K] extends { required: true } ? K : never]: HeaderValue<H[K], IO> } & {
      [K in keyof H as H[K] extends { required: true } ? never : K]?: HeaderValue<H[K], IO>;
    }
  : Record<string, never>;

/** What a successful call answers, as the client reads it (binary routes: `never`, their bytes are no JSON). */
export type RouteAnswer<R> = R extends { answer: { schema: infer S extends z.ZodType } }
  ? z.output<S>
  : never;

/** Express wants `:id` where OpenAPI writes `{id}`. */
export const expressPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/** The names of a path's parameters, in order. */
export const pathParams = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);

/** "GET /cases/{id}": how tests and messages name a route. */
export const routeKey = (route: Pick<ApiRoute, 'method' | 'path'>) =>
  `${route.method.toUpperCase()} ${route.path}`;

/** The path with its parameters filled in (each one URI-encoded). */
export function fillPath(path: string, params: Record<string, string> | undefined): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`${path} needs the path parameter ${name}`);
    return encodeURIComponent(value);
  });
}
