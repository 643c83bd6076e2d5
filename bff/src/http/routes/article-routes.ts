import { Router } from 'express';
import { articleListQuery, createArticleBody } from '@weiquan/shared';
import { callerOf } from '../middleware/authenticate';
import { parse } from '../parse';
import type { Services } from '../../services';

export function articleRoutes({ store }: Services): Router {
  const r = Router();
  r.get('/articles', async (req, res) => {
    res.json(await store.articles.list(parse(articleListQuery, req.query)));
  });
  r.get('/articles/:id', async (req, res) => {
    res.json(await store.articles.get(String(req.params.id)));
  });
  r.post('/staff/articles', async (req, res) => {
    const caller = callerOf(req, 'staff');
    const body = parse(createArticleBody, req.body);
    res.status(201).json(await store.articles.publish(caller, body));
  });
  return r;
}
