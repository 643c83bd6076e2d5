import assert from 'node:assert/strict';
import { test } from 'node:test';
import { batched, empty, identifier, join, sql, typed } from './sql';

test('when a value is interpolated, then it becomes a placeholder and travels apart from the text', () => {
  const name = "x'; DROP TABLE cases; --";
  const q = sql`SELECT id FROM users WHERE name = ${name} AND age > ${3}`;
  assert.equal(q.text, 'SELECT id FROM users WHERE name = $1 AND age > $2');
  assert.deepEqual(q.params, [name, 3]);
});

test('when fragments are interpolated, then they are spliced and their values renumbered in order', () => {
  const cond = sql`c.kind = ${'complaint'}`;
  const q = sql`SELECT ${1} FROM cases c WHERE ${cond} AND c.status = ${'settled'}${empty}`;
  assert.equal(q.text, 'SELECT $1 FROM cases c WHERE c.kind = $2 AND c.status = $3');
  assert.deepEqual(q.params, [1, 'complaint', 'settled']);
  const where = join([sql`a = ${1}`, sql`b = ${2}`, sql`c = ${3}`], sql` AND `);
  assert.equal(sql`WHERE ${where}`.text, 'WHERE a = $1 AND b = $2 AND c = $3');
  assert.deepEqual(sql`WHERE ${where}`.params, [1, 2, 3]);
  assert.equal(join([]).text, '');
});

test('when a value is typed, then it is cast in a query and read from a typed column in a batched one', () => {
  const q = sql`SELECT * FROM cases c WHERE c.id = ${typed('uuid', 'u-1')} LIMIT ${typed('int', 5)}`;
  assert.equal(q.text, 'SELECT * FROM cases c WHERE c.id = $1::uuid LIMIT $2::int');
  assert.deepEqual(q.params, ['u-1', 5]);
  const shape = batched(q, sql`x.id`);
  assert.deepEqual(shape.params, ['u-1', 5]);
  const statement = shape.statement([
    ['u-1', 'u-2'],
    [5, 6],
  ]);
  assert.equal(
    statement.text.replace(/\s+/g, ' '),
    'SELECT r.n AS batch_n, x.* FROM unnest($1::uuid[], $2::int[]) WITH ORDINALITY AS r(p1, p2, n) ' +
      'CROSS JOIN LATERAL (SELECT * FROM cases c WHERE c.id = r.p1 LIMIT r.p2) x ORDER BY r.n, x.id',
  );
  assert.deepEqual(statement.params, [
    ['u-1', 'u-2'],
    [5, 6],
  ]);
  assert.equal(
    batched(sql`SELECT ${typed('uuid', 'u-9')}`, sql`x.id`).key,
    batched(sql`SELECT ${typed('uuid', 'u-8')}`, sql`x.id`).key,
  );
  assert.throws(() => batched(sql`SELECT ${1}`, sql`x.id`), /typed scalar values only/);
});

test('when an identifier is named, then only a plain lower-case name passes, quoted', () => {
  assert.equal(sql`SELECT ${identifier('rating_sum')} FROM t`.text, 'SELECT "rating_sum" FROM t');
  for (const bad of ['a"b', 'A', '1a', 'a b', 'a;--', ''])
    assert.throws(() => identifier(bad), /not an SQL identifier/);
});

test('when a fragment is put into a plain template string, then it throws instead of losing its values', () => {
  const cond = sql`c.id = ${'x'}`;
  assert.throws(() => `SELECT * FROM cases c WHERE ${cond}`, /interpolate it with the sql tag/);
});
