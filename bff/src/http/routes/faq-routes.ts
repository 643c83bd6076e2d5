import { Router } from 'express';
import { faqQuery } from '@weiquan/shared';
import { parse } from '../parse';
import type { Services } from '../../services';

export function faqRoutes({ store }: Services): Router {
  const r = Router();
  r.get('/faq', async (req, res) => {
    res.json(await store.faq.search(parse(faqQuery, req.query)));
  });
  return r;
}
