/** `column IN (keys)`, with the keys passed as one JSON array parameter at position `param`. */
export const inKeys = (column: string, param = 1): string =>
  `${column} IN (SELECT unnest(from_json($${param}::JSON, '["VARCHAR"]')))`

/** A TIMESTAMPTZ column as ISO-8601 UTC with milliseconds, whatever the session time zone. */
export const isoUtc = (column: string): string =>
  `strftime(${column} AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%gZ')`
