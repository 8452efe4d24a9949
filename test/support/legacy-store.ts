import { DuckDBInstance } from "@duckdb/node-api"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { categories, defaultStatus, statuses } from "../../src/events/entry-vocabulary.js"

/**
 * Stores in the schema of the Python original (claude-session-logger 0.3.45), written with DuckDB
 * as it wrote them, so the import is tested against the real layout. Two layouts: `migrated`
 * (an older file that got updated_at / created_by / updated_by by ADD COLUMN, naive UTC
 * TIMESTAMPs) and `fresh` (columns in another order, TIMESTAMPTZ).
 */
export type LegacyLayout = "migrated" | "fresh"

export interface LegacyEntry {
  readonly id: string
  readonly session_id: string | null
  readonly logged_at: string
  readonly category: string
  readonly status: string
  readonly title: string
  readonly body: string
  readonly updated_at: string | null
  readonly created_by: string
  readonly updated_by: string | null
}

export interface LegacyModel {
  readonly model: string
  readonly input_tokens: number
  readonly output_tokens: number
  readonly cache_write_tokens: number
  readonly cache_read_tokens: number
  readonly cost_usd: number
}

export interface LegacySession {
  readonly session_id: string
  readonly project: string
  readonly cwd: string
  readonly started_at: string
  readonly ended_at: string
  readonly duration_min: number
  readonly message_count: number
  readonly tool_call_count: number
  readonly skills_used: string
  readonly git_branch: string
  readonly cc_version: string
  readonly title: string
  readonly session_type: string
  readonly created_by: string
  readonly models: ReadonlyArray<LegacyModel>
}

export interface LegacyData {
  readonly entries: ReadonlyArray<LegacyEntry>
  readonly sessions: ReadonlyArray<LegacySession>
  readonly watermark: string
}

const hex = (value: number, width: number) => value.toString(16).padStart(width, "0").slice(-width)
const uuidOf = (index: number) => `${hex(0xb045dd70 + index * 7919, 8)}-${hex(index, 4)}-4${hex(index, 3)}-8${hex(index, 3)}-${hex(index * 104729, 12)}`
const at = (base: number, minutes: number) => new Date(base + minutes * 60_000).toISOString()
const people = ["alice", "bob", "carol"] as const

/** Every category and status, some entries changed by someone else, sessions with 1–2 model rows. */
export const legacyData = (entryCount: number, sessionCount: number): LegacyData => {
  const base = Date.parse("2025-03-01T08:00:00.000Z")
  const sessions = Array.from({ length: sessionCount }, (_, index): LegacySession => {
    const started = base + index * 97 * 60_000
    const models: Array<LegacyModel> = [
      { model: "claude-opus-4-6", input_tokens: 1000 + index, output_tokens: 2000 + index, cache_write_tokens: 300 * index, cache_read_tokens: 40_000 + index, cost_usd: 0.5 + index / 1000 },
      ...(index % 2 === 0 ? [{ model: "claude-haiku-4-5-20251001", input_tokens: 10 + index, output_tokens: 20, cache_write_tokens: 0, cache_read_tokens: 300, cost_usd: 0.002 }] : []),
    ]
    return {
      session_id: `${hex(index, 8)}-5e55-4a0a-9b0b-${hex(index * 31, 12)}`,
      project: `project-${index % 4}`,
      cwd: `/home/alice/code/project-${index % 4}`,
      started_at: at(started, 0),
      ended_at: at(started, 5 + (index % 60)),
      duration_min: 5 + (index % 60),
      message_count: index % 40,
      tool_call_count: index % 17,
      skills_used: index % 3 === 0 ? "writing-plans,brainstorming" : "",
      git_branch: "main",
      cc_version: "2.1.3",
      title: `Session number ${index}`,
      session_type: index % 3 === 0 ? "planning" : "general",
      created_by: people[index % 2] ?? "alice",
      models,
    }
  })
  const entries = Array.from({ length: entryCount }, (_, index): LegacyEntry => {
    const category = categories[index % categories.length] ?? "note"
    const status = statuses[Math.floor(index / categories.length) % statuses.length] ?? "open"
    const changed = status !== defaultStatus(category) || index % 7 === 0
    const logged = base + index * 41 * 60_000
    return {
      id: uuidOf(index),
      session_id: sessions.length === 0 ? null : sessions[index % sessions.length]?.session_id ?? null,
      logged_at: at(logged, 0),
      category,
      status,
      title: `Entry ${index}: ${category} about ${["the cache", "login", "billing"][index % 3]}`,
      body: index % 5 === 0 ? "" : `details of entry ${index}${changed ? `\n\n[2025-03-02 bob → ${status}] note ${index}` : ""}`,
      updated_at: changed ? at(logged, 90) : null,
      created_by: people[index % 3] ?? "alice",
      updated_by: changed ? people[(index + 1) % 3] ?? "bob" : null,
    }
  })
  return { entries, sessions, watermark: at(base, entryCount * 41 / 2) }
}

const ddl: Record<LegacyLayout, ReadonlyArray<string>> = {
  migrated: [
    `CREATE TABLE sessions (session_id VARCHAR PRIMARY KEY, project VARCHAR, cwd VARCHAR, session_date DATE, started_at TIMESTAMP,
      ended_at TIMESTAMP, duration_min DOUBLE, models VARCHAR, input_tokens BIGINT, output_tokens BIGINT, cache_write_tokens BIGINT,
      cache_read_tokens BIGINT, total_tokens BIGINT, cost_usd DOUBLE, message_count INTEGER, tool_call_count INTEGER,
      skills_used VARCHAR, git_branch VARCHAR, cc_version VARCHAR, title VARCHAR, session_type VARCHAR, synced BOOLEAN DEFAULT false)`,
    `ALTER TABLE sessions ADD COLUMN created_by VARCHAR`,
    `CREATE TABLE session_models (session_id VARCHAR, model VARCHAR, input_tokens BIGINT, output_tokens BIGINT, cache_write_tokens BIGINT,
      cache_read_tokens BIGINT, total_tokens BIGINT, cost_usd DOUBLE, synced BOOLEAN DEFAULT false, PRIMARY KEY (session_id, model))`,
    `CREATE TABLE log_entries (id VARCHAR PRIMARY KEY, session_id VARCHAR, logged_at TIMESTAMP, category VARCHAR, status VARCHAR,
      title VARCHAR, body VARCHAR, synced BOOLEAN DEFAULT false)`,
    `ALTER TABLE log_entries ADD COLUMN updated_at TIMESTAMP`,
    `ALTER TABLE log_entries ADD COLUMN created_by VARCHAR`,
    `ALTER TABLE log_entries ADD COLUMN updated_by VARCHAR`,
    `CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)`,
  ],
  fresh: [
    `CREATE TABLE sessions (session_id VARCHAR PRIMARY KEY, created_by VARCHAR, synced BOOLEAN DEFAULT false, title VARCHAR, project VARCHAR,
      cwd VARCHAR, session_date DATE, started_at TIMESTAMPTZ, ended_at TIMESTAMPTZ, duration_min DOUBLE, models VARCHAR,
      cost_usd DOUBLE, input_tokens BIGINT, output_tokens BIGINT, cache_write_tokens BIGINT, cache_read_tokens BIGINT, total_tokens BIGINT,
      message_count INTEGER, tool_call_count INTEGER, skills_used VARCHAR, git_branch VARCHAR, cc_version VARCHAR, session_type VARCHAR,
      extra_column_of_a_later_version VARCHAR)`,
    `CREATE TABLE session_models (model VARCHAR, session_id VARCHAR, cost_usd DOUBLE, total_tokens BIGINT, input_tokens BIGINT,
      output_tokens BIGINT, cache_write_tokens BIGINT, cache_read_tokens BIGINT, synced BOOLEAN DEFAULT false, PRIMARY KEY (session_id, model))`,
    `CREATE TABLE log_entries (id VARCHAR PRIMARY KEY, updated_by VARCHAR, created_by VARCHAR, updated_at TIMESTAMPTZ, title VARCHAR,
      body VARCHAR, status VARCHAR, category VARCHAR, logged_at TIMESTAMPTZ, session_id VARCHAR, synced BOOLEAN DEFAULT false)`,
    `CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)`,
  ],
}

const sum = (models: ReadonlyArray<LegacyModel>, pick: (model: LegacyModel) => number) => models.reduce((total, model) => total + pick(model), 0)
const totalOf = (model: LegacyModel) => model.input_tokens + model.output_tokens + model.cache_write_tokens + model.cache_read_tokens

/** Inserts rows by column name through JSON, as the original's explicit column lists did. */
const insertJson = async (connection: Awaited<ReturnType<DuckDBInstance["connect"]>>, table: string, rows: ReadonlyArray<Record<string, unknown>>) => {
  if (rows.length === 0) return
  const columns = Object.keys(rows[0] ?? {})
  const file = join(mkdtempSync(join(tmpdir(), "csl-legacy-rows-")), `${table}.json`)
  writeFileSync(file, JSON.stringify(rows))
  await connection.run(
    `INSERT INTO ${table} (${columns.join(", ")}) SELECT ${columns.join(", ")} FROM read_json($1, format = 'array')`,
    [file],
  )
}

/** Writes the tables (and the meta watermark unless `cloud`) into the DuckDB file at `path`. */
export const writeLegacyStore = async (path: string, layout: LegacyLayout, data: LegacyData, options: { readonly cloud?: boolean } = {}) => {
  const instance = await DuckDBInstance.create(path)
  const connection = await instance.connect()
  try {
    await connection.run("SET TimeZone = 'UTC'")
    for (const statement of ddl[layout]) {
      if (options.cloud === true && statement.startsWith("CREATE TABLE meta")) continue
      await connection.run(statement)
    }
    await appendLegacyRows(connection, data)
    if (options.cloud !== true) await connection.run(`INSERT INTO meta VALUES ('inbox_watermark', $1)`, [data.watermark.replace("T", " ").replace("Z", "")])
  } finally {
    connection.closeSync()
    instance.closeSync()
  }
}

const appendLegacyRows = async (connection: Awaited<ReturnType<DuckDBInstance["connect"]>>, data: Pick<LegacyData, "entries" | "sessions">) => {
  await insertJson(connection, "sessions", data.sessions.map(({ models, ...session }) => ({
    ...session,
    session_date: session.started_at.slice(0, 10),
    models: models.map((model) => model.model).join(","),
    input_tokens: sum(models, (model) => model.input_tokens),
    output_tokens: sum(models, (model) => model.output_tokens),
    cache_write_tokens: sum(models, (model) => model.cache_write_tokens),
    cache_read_tokens: sum(models, (model) => model.cache_read_tokens),
    total_tokens: sum(models, totalOf),
    cost_usd: sum(models, (model) => model.cost_usd),
    synced: true,
  })))
  await insertJson(connection, "session_models", data.sessions.flatMap((session) =>
    session.models.map((model) => ({ session_id: session.session_id, ...model, total_tokens: totalOf(model), synced: true }))))
  await insertJson(connection, "log_entries", data.entries.map((entry) => ({ ...entry, synced: true })))
}

/** What a teammate still on 0.3.45 does: changes one entry's status, body and updated_at in place. */
export const changeLegacyEntry = async (path: string, id: string, change: { readonly status: string; readonly body: string; readonly updated_at: string; readonly updated_by: string }) => {
  const instance = await DuckDBInstance.create(path)
  const connection = await instance.connect()
  try {
    await connection.run(`UPDATE log_entries SET status = $1, body = $2, updated_at = $3::TIMESTAMPTZ, updated_by = $4 WHERE id = $5`, [
      change.status, change.body, change.updated_at, change.updated_by, id,
    ])
  } finally {
    connection.closeSync()
    instance.closeSync()
  }
}

/** Every row of the original's tables, to prove they were left as they were. */
export const legacyTableContents = async (path: string) => {
  const instance = await DuckDBInstance.create(path)
  const connection = await instance.connect()
  try {
    const read = async (sql: string) => JSON.stringify((await connection.runAndReadAll(sql)).getRowObjectsJson())
    return {
      log_entries: await read("SELECT * FROM main.log_entries ORDER BY id"),
      sessions: await read("SELECT * FROM main.sessions ORDER BY session_id"),
      session_models: await read("SELECT * FROM main.session_models ORDER BY session_id, model"),
    }
  } finally {
    connection.closeSync()
    instance.closeSync()
  }
}
