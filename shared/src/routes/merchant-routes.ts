import { z } from 'zod';
import type { ApiRoute } from '../api-route';
import * as s from '../schemas';

export const MERCHANT_ROUTES = {
  searchMerchants: {
    method: 'get',
    path: '/merchants',
    summary: 'Search the merchant directory',
    roles: 'public',
    query: s.merchantSearchQuery,
    answer: { status: 200, schema: s.merchantList },
    tags: ['merchants'],
  },
  createMerchant: {
    method: 'post',
    path: '/staff/merchants',
    summary: 'Create a merchant (answers its binding code once)',
    roles: ['staff'],
    staffRoles: ['admin'],
    body: s.createMerchantBody,
    answer: { status: 201, schema: s.createdMerchant },
    tags: ['staff'],
  },
  rotateBindingCode: {
    method: 'post',
    path: '/staff/merchants/{id}/binding-code',
    summary:
      'Issue a new binding code for a merchant (the old one stops working; users already bound stay bound)',
    roles: ['staff'],
    staffRoles: ['admin'],
    params: s.idParams,
    answer: { status: 200, schema: s.bindingCodeAnswer },
    tags: ['staff'],
  },
  unbindMerchantUser: {
    method: 'delete',
    path: '/staff/merchants/{id}/bindings/{userId}',
    summary: "Unbind a user from a merchant: that user's merchant sessions end (tokens 401 within 10 s)",
    roles: ['staff'],
    staffRoles: ['admin'],
    params: z.strictObject({ id: z.string(), userId: z.string() }),
    answer: { status: 204, empty: true },
    tags: ['staff'],
  },
} as const satisfies Record<string, ApiRoute>;
