/**
 * No SQL built from values: every `query(...)`/`exec(...)` in bff/src passes its values as
 * parameters ($1, $2...). A template literal as the SQL may interpolate only placeholder numbers
 * (`$${n}`), a batch's parameter columns (`${param(type, value)}`, which registers the value and
 * answers `r.pN`) and the named fragments below, each SQL made of constants; string concatenation with
 * `+` is refused outright. A new interpolation fails this test until it is parameterised or, if it
 * really is a constant fragment, added here with its reason.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

const ROOT = path.resolve(import.meta.dirname, '../../bff/src');

/** Fragments that are SQL text made only of constants (and placeholders), never of request values. */
const ALLOWED_FRAGMENTS: Record<string, string> = {
  CASE_SELECT: 'case-view.ts: the constant SELECT ... FROM cases c',
  CASE_NO_DIGITS: "filing-batches.ts: the constant formatting of a case number's digits",
  DEADLINES_AGG: "case-view.ts: the constant subquery of a case's deadlines",
  SELECT_MERCHANT: 'merchant-store.ts: the constant SELECT of merchants',
  vis: 'case-store.ts loadRow(): visibility() conditions, constants with $n placeholders',
  dir: 'case-store.ts list(): a constant direction',
  limit: 'case-store.ts list(): a placeholder from param()',
  "where.join(' AND ')": 'case-store.ts list(): constant conditions with $n placeholders',
  sortKey: 'case-store.ts list(): one of two constant ORDER BY expressions',
  "ended ? ', ended_at = $3' : ''": 'case-store.ts applyAction(): a constant assignment',
  "changes.map((c, i) => `, ${c.sql} = $${i + 4}`).join('')":
    'case-store.ts applyAction(): column names from rowChanges() constants, values as $n',
  meetCte: 'case-store.ts applyAction(): a constant CTE with $n placeholders, or nothing',
  meetSet: 'case-store.ts applyAction(): a constant assignment with $n placeholders, or nothing',
  mine: 'a constant ownership condition with $n placeholders',
  FAQ_MIN_WORD_SIMILARITY: 'faq-store.ts: a numeric constant',
  LOOKAHEAD: "notify/clocks.ts: the constant interval '30 days'",
  "ALERTS.map((a) => `WHEN '${a.kind}' THEN '${a.mark}'`).join(' ')":
    'notify/clocks.ts: CASE arms from the constant ALERTS table',
  "where.length ? `WHERE ${where.join(' AND ')}` : ''":
    'article-store.ts list(): constant conditions with $n placeholders',
  'add(query.limit + 1)': 'article-store.ts list(): add() pushes the value and answers its placeholder $n',
  "SUM_COLUMNS.map((c) => `sum(${c})::bigint AS ${c}`).join(', ')":
    'stats-store.ts: column names from the constant SUM_COLUMNS',
  byCategory: 'stats-store.ts: a constant condition with a $n placeholder',
  mCategory: 'stats-store.ts: a constant condition with a $n placeholder',
  mOnly: 'stats-store.ts: a constant condition with a $n placeholder',
};

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) sources(full, out);
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

interface Finding {
  where: string;
  problem: string;
}

export function scanSql(file: string, text: string): Finding[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const findings: Finding[] = [];
  const at = (n: ts.Node) =>
    `${path.relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const checkTemplate = (node: ts.Node) => {
    if (ts.isTemplateExpression(node)) {
      let before = node.head.text;
      for (const span of node.templateSpans) {
        const expr = span.expression.getText(sf);
        // `$${n + 1}`: a placeholder number, arithmetic allowed
        if (!before.endsWith('$') && !/^param\(/.test(expr)) {
          if (!(expr in ALLOWED_FRAGMENTS))
            findings.push({ where: at(span), problem: `interpolates \${${expr}} into SQL` });
          checkTemplate(span.expression);
        }
        before = span.literal.text;
      }
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      findings.push({ where: at(node), problem: `builds SQL with + (${node.getText(sf).slice(0, 80)})` });
    } else if (ts.isParenthesizedExpression(node)) checkTemplate(node.expression);
  };
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && node.arguments.length) {
      const callee = node.expression;
      const name = ts.isPropertyAccessExpression(callee)
        ? callee.name.text
        : ts.isIdentifier(callee)
          ? callee.text
          : '';
      if (name === 'query' || name === 'exec') checkTemplate(node.arguments[0]);
    }
    // A batched read's SQL (`reader.list({ sql: ... })`) is a query too.
    if (ts.isPropertyAssignment(node) && node.name.getText(sf) === 'sql') checkTemplate(node.initializer);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return findings;
}

test('when bff/src is scanned, then no query() or exec() builds SQL from interpolated or concatenated values', () => {
  const files = sources(ROOT);
  assert.ok(files.length > 20);
  const findings = files.flatMap((f) => scanSql(f, readFileSync(f, 'utf8')));
  assert.deepEqual(
    findings.map((f) => `${f.where}: ${f.problem}`),
    [],
  );
});

test('when SQL interpolates a value or concatenates one, then the scan catches it (the check itself works)', () => {
  const bad = [
    "db.query(`SELECT * FROM cases WHERE id = '${id}'`);",
    'q.query<{ n: number }>(`SELECT ${column} FROM t`, []);',
    "db.query('SELECT * FROM users WHERE name = ' + name);",
    'db.exec(`DROP TABLE ${table}`);',
    "reader.list({ sql: `SELECT * FROM cases c WHERE c.status = '${status}'`, types: [], order: 'x.id' }, []);",
  ];
  for (const src of bad) assert.equal(scanSql(path.join(ROOT, 'x.ts'), src).length, 1, src);
  const good = [
    'db.query(`SELECT * FROM cases WHERE id = $1`, [id]);',
    'db.query(`SELECT $${ev + 1}`, [x]);',
    'db.query(`${CASE_SELECT} WHERE c.id = $${n}`, [id]);',
    "db.query('SELECT 1');",
    "reader.list({ sql: `SELECT * FROM cases c WHERE c.status = ${param('text', status)}`, types, order: 'x.id' }, values);",
  ];
  for (const src of good) assert.deepEqual(scanSql(path.join(ROOT, 'x.ts'), src), [], src);
});
