/** `column IN (keys)`, with the keys passed as one JSON array parameter. */
export const inKeys = (column: string, placeholder = "$1"): string =>
  `${column} IN (SELECT unnest(from_json(${placeholder}::JSON, '["VARCHAR"]')))`

/** A string as a SQL literal, for the few statements that cannot take parameters (ATTACH, a subquery handed to another module). */
export const sqlString = (text: string): string => `'${text.replace(/'/g, "''")}'`

/** A TIMESTAMPTZ column as ISO-8601 UTC with milliseconds, whatever the session time zone. */
export const isoUtc = (column: string): string =>
  `strftime(${column} AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%gZ')`

/** Collects WHERE conditions with their positional parameters, for queries built from filters. */
export class Conditions {
  private readonly clauses: Array<string> = []
  readonly params: Array<string> = []

  /** A condition on one parameter: `sql` receives its placeholder (`$1`, `$2`, …). */
  withParam(value: string, sql: (placeholder: string) => string): this {
    this.params.push(value)
    this.clauses.push(sql(`$${this.params.length}`))
    return this
  }

  /** A condition on a moment, when the filter has one: `sql` receives its placeholder cast to TIMESTAMPTZ. */
  withMoment(moment: Date | undefined, sql: (timestamp: string) => string): this {
    return moment === undefined ? this : this.withParam(moment.toISOString(), (placeholder) => sql(`${placeholder}::TIMESTAMPTZ`))
  }

  withSql(sql: string): this {
    this.clauses.push(sql)
    return this
  }

  get where(): string {
    return this.clauses.length === 0 ? "" : `WHERE ${this.clauses.join(" AND ")}`
  }
}

export const limitClause = (limit: number | undefined): string =>
  limit === undefined ? "" : `LIMIT ${Math.max(0, Math.floor(limit))}`
