/**
 * SQL safe by construction (ADR 0010): `sql` is a tagged template whose interpolations are values,
 * sent apart from the text as placeholders ($1, $2...), never spliced into it. Only another `sql`
 * fragment is spliced, so SQL text is made of the literals written in the source alone, and
 * fragments compose (conditions, CTEs, a batch's parameter columns) without string building.
 *
 * A value may carry its SQL type (`typed('uuid', id)`): it is written `$n::uuid`, and a batched
 * query (`batched`) reads it from a typed parameter column instead (`r.pN`).
 */

/** The SQL types a typed value may name (written into the text, so a closed list). */
type ScalarType = 'uuid' | 'text' | 'int' | 'bigint' | 'boolean' | 'date' | 'timestamptz' | 'jsonb';
export type SqlType = ScalarType | `${ScalarType}[]`;

class Typed {
  constructor(
    readonly type: SqlType,
    readonly value: unknown,
  ) {}
}

export class Sql {
  /** `strings` has one element more than `values`; nested fragments are already flattened. */
  constructor(
    readonly strings: readonly string[],
    readonly values: readonly unknown[],
  ) {}

  /** The text with $n placeholders (typed values as `$n::type`). */
  get text(): string {
    let out = this.strings[0];
    for (let i = 0; i < this.values.length; i++) {
      const v = this.values[i];
      out += v instanceof Typed ? `$${i + 1}::${v.type}` : `$${i + 1}`;
      out += this.strings[i + 1];
    }
    return out;
  }

  /** A fragment put into a plain template string would splice its text and lose its values: refused. */
  [Symbol.toPrimitive](): never {
    throw new TypeError('an sql fragment was put into a plain string: interpolate it with the sql tag');
  }

  /** The values in placeholder order, as the driver takes them. */
  get params(): unknown[] {
    return this.values.map((v) => (v instanceof Typed ? v.value : v));
  }
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  const outStrings: string[] = [strings[0]];
  const outValues: unknown[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v instanceof Sql) {
      outStrings[outStrings.length - 1] += v.strings[0];
      for (let j = 0; j < v.values.length; j++) {
        outValues.push(v.values[j]);
        outStrings.push(v.strings[j + 1]);
      }
      outStrings[outStrings.length - 1] += strings[i + 1];
    } else {
      outValues.push(v);
      outStrings.push(strings[i + 1]);
    }
  }
  return new Sql(outStrings, outValues);
}

/** A value with its SQL type: `$n::type` in a query, a typed parameter column in a batched one. */
export const typed = (type: SqlType, value: unknown): Typed => new Typed(type, value);

/** Fragments joined by a separator fragment (`, ` unless told). */
export function join(parts: readonly Sql[], separator: Sql = sql`, `): Sql {
  if (!parts.length) return empty;
  return parts.slice(1).reduce((acc, part) => sql`${acc}${separator}${part}`, parts[0]);
}

export const empty = new Sql([''], []);

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
/** A column or table name from the code's own constants, double-quoted; anything else throws. */
export function identifier(name: string): Sql {
  if (!IDENTIFIER.test(name)) throw new Error(`not an SQL identifier: ${JSON.stringify(name)}`);
  return new Sql([`"${name}"`], []);
}

export interface BatchedShape {
  /** the same for every query of this shape (text, column types, order) */
  key: string;
  /** the values of this one query, in column order */
  params: unknown[];
  /** the statement for a batch: `columns[i]` holds column i's value of every query in the batch */
  statement(columns: unknown[][]): Sql;
}

/**
 * The form of a query run once per item of a batch (`case-reader.ts`): its values become typed
 * columns r.p1, r.p2... of the batch's parameter rows (unnest ... WITH ORDINALITY), so that queries
 * of one shape share one text; each item's rows carry its number (batch_n), sorted by `order`.
 */
export function batched(query: Sql, order: Sql): BatchedShape {
  let inner = query.strings[0];
  const types: ScalarType[] = [];
  const params: unknown[] = [];
  query.values.forEach((v, i) => {
    if (!(v instanceof Typed) || v.type.endsWith('[]'))
      throw new Error('a batched query takes typed scalar values only');
    types.push(v.type as ScalarType);
    params.push(v.value);
    inner += `r.p${i + 1}${query.strings[i + 1]}`;
  });
  const lateral = new Sql([inner], []);
  const columns = new Sql([types.map((_, i) => `p${i + 1}, `).join('')], []);
  return {
    key: `${types.join(',')}\n${order.text}\n${inner}`,
    params,
    statement: (values) =>
      sql`SELECT r.n AS batch_n, x.* FROM unnest(${join(values.map((column, i) => sql`${typed(`${types[i]}[]`, column)}`))})
        WITH ORDINALITY AS r(${columns}n) CROSS JOIN LATERAL (${lateral}) x ORDER BY r.n, ${order}`,
  };
}
