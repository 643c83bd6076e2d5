/**
 * SQL is safe by construction (`bff/src/store/sql.ts`, ADR 0010): values reach the database only
 * as parameters of an `sql` fragment. What the type system cannot see is checked here, with no
 * allow-list: raw SQL text passed to `query(...)`/`exec(...)` in bff/src is constant (a string
 * literal, or a template without interpolation), never built with `${...}` or `+`; and the case
 * tables are written by their repository alone, each INSERT once.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

const ROOT = path.resolve(import.meta.dirname, '../../bff/src');
const REPOSITORY = path.join(ROOT, 'cases/case-repository.ts');

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) sources(full, out);
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

const isBuilt = (e: ts.Expression): boolean =>
  ts.isTemplateExpression(e) ||
  (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) ||
  (ts.isParenthesizedExpression(e) && isBuilt(e.expression));

/** Places where raw SQL text passed to query() or exec() is built from values. */
export function scanSql(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const findings: string[] = [];
  // Names bound to text built from values in this file (`const text = `...${x}...``): passing one is the same.
  const built = new Set<string>();
  const collect = (node: ts.Node) => {
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.initializer &&
      isBuilt(node.initializer)
    )
      built.add(node.name.text);
    ts.forEachChild(node, collect);
  };
  const at = (n: ts.Node) =>
    `${path.relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const check = (arg: ts.Expression) => {
    while (ts.isParenthesizedExpression(arg) || ts.isAsExpression(arg)) arg = arg.expression;
    if (ts.isIdentifier(arg) && built.has(arg.text))
      findings.push(`${at(arg)}: raw SQL text (${arg.text}) interpolates values (use the sql tag)`);
    else if (ts.isTemplateExpression(arg))
      findings.push(`${at(arg)}: raw SQL text interpolates values (use the sql tag)`);
    else if (ts.isBinaryExpression(arg) && arg.operatorToken.kind === ts.SyntaxKind.PlusToken)
      findings.push(`${at(arg)}: raw SQL text built with + (use the sql tag)`);
    else if (ts.isConditionalExpression(arg)) {
      check(arg.whenTrue);
      check(arg.whenFalse);
    }
  };
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && node.arguments.length) {
      const callee = node.expression;
      const name = ts.isPropertyAccessExpression(callee)
        ? callee.name.text
        : ts.isIdentifier(callee)
          ? callee.text
          : '';
      if (name === 'query' || name === 'exec') check(node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  collect(sf);
  visit(sf);
  return findings;
}

test('when bff/src is scanned, then no query() or exec() gets raw SQL text built from values', () => {
  const files = sources(ROOT);
  assert.ok(files.length > 20);
  assert.deepEqual(
    files.flatMap((f) => scanSql(f, readFileSync(f, 'utf8'))),
    [],
  );
});

test('when raw SQL text is built from values, then the scan catches it (the check itself works)', () => {
  const bad = [
    "db.query(`SELECT * FROM cases WHERE id = '${id}'`);",
    'q.query<{ n: number }>(`SELECT ${column} FROM t`, []);',
    "db.query('SELECT * FROM users WHERE name = ' + name);",
    'db.exec(`DROP TABLE ${table}`);',
    'db.query(all ? `SELECT 1` : `SELECT ${x}`);',
    'const text = `SELECT * FROM t WHERE a = ${a}`; await t.query(text, []);',
  ];
  for (const src of bad) assert.equal(scanSql(path.join(ROOT, 'x.ts'), src).length, 1, src);
  const good = [
    'db.query(sql`SELECT * FROM cases WHERE id = ${id}`);',
    'db.query(sql`SELECT * FROM cases c WHERE ${visibility(caller)}`);',
    "db.query('SELECT 1');",
    'db.exec(`CREATE TABLE t (id int)`);',
  ];
  for (const src of good) assert.deepEqual(scanSql(path.join(ROOT, 'x.ts'), src), [], src);
});

// Statements that write the case tables (any spelling of whitespace, case-insensitive).
const WRITES = /\b(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(cases|case_events|deadlines)\b/gi;

test('when bff/src is scanned, then only the case repository writes cases, case_events and deadlines, each INSERT once', () => {
  const outside = sources(ROOT)
    .filter((f) => f !== REPOSITORY)
    .flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(WRITES)].map((m) => `${path.relative(ROOT, f)}: ${m[0]}`),
    );
  assert.deepEqual(outside, []);
  const inserts = [...readFileSync(REPOSITORY, 'utf8').matchAll(WRITES)]
    .map((m) => m[0].replace(/\s+/g, ' ').toUpperCase())
    .filter((w) => w.startsWith('INSERT'));
  assert.deepEqual(inserts.sort(), ['INSERT INTO CASES', 'INSERT INTO CASE_EVENTS', 'INSERT INTO DEADLINES']);
});
