import { Effect, Schema } from "effect"
import { existsSync, mkdirSync, readFileSync, unlinkSync } from "node:fs"
import { join } from "node:path"
import { AppConfig } from "../config/app-config.js"
import { configFileIn, syncsMemory } from "../config/data-dir-config.js"
import { projectName } from "../config/project-identity.js"
import { type MemoryFileDeleted, type MemoryFileWritten, memoryFileEntity } from "../events/domain-event.js"
import { memoryFileHeadsTable, memoryFilesTable } from "../projections/memory-files.js"
import type { Db } from "../store/database.js"
import { removeOrphanedTempFiles, syncDirectory, writeFileDurably } from "../store/durable-file.js"
import { LocalStore } from "../local-store/local-store.js"
import { isoUtc } from "../store/sql-fragments.js"
import { type HeldBack, scanLocalChanges, sha256Of } from "./local-changes.js"
import { isRegularFile, type ProjectSlug, projectSlugs } from "./memory-dirs.js"
import { conflictFileName } from "./memory-file-names.js"
import { AmbiguousMemoryFile, MemoryFileNotFound, MemorySyncOff } from "./memory-errors.js"
import {
  addConflicts,
  type ConflictRow,
  ensureMemoryTables,
  noteSyncTime,
  readConflicts,
  readSynced,
  removeConflicts,
  saveSynced,
  type SyncedRow,
} from "./memory-local-tables.js"
import { memoryFilesForSearch, refreshMemoryIndex } from "./memory-index-refresh.js"
import { queuedMemoryEntries, removeQueueEntries } from "./memory-queue.js"
import { filesContaining } from "./memory-search.js"
import { reconcile, type StoredVersion } from "./reconcile.js"
import { writeConflictSummary } from "./conflict-summary.js"

const VersionRow = Schema.Struct({
  entity_id: Schema.String,
  project_key: Schema.String,
  name: Schema.String,
  sha256: Schema.NullOr(Schema.String),
  content: Schema.String,
  device_id: Schema.String,
  actor: Schema.String,
})
type VersionRow = typeof VersionRow.Type
const HeadShaRow = Schema.Struct({ entity_id: Schema.String, sha256: Schema.String })
const TimeRow = Schema.Struct({ action: Schema.String, at: Schema.String })
const KeyRow = Schema.Struct({ project_key: Schema.String, files: Schema.Number })
const MatchRow = Schema.Struct({ project_key: Schema.String, name: Schema.String, content: Schema.String })

export interface PushResult {
  readonly pushed: number
  readonly deleted: number
  readonly held: ReadonlyArray<HeldBack>
  /** Memory dirs of projects no transcript names, so they have no project key. */
  readonly unkeyed: ReadonlyArray<string>
}

export interface PullResult {
  readonly written: ReadonlyArray<string>
  readonly deleted: ReadonlyArray<string>
  readonly conflicts: ReadonlyArray<string>
}

export interface MemoryStatus {
  readonly waiting_to_push: ReadonlyArray<{ readonly path: string; readonly change: "written" | "deleted" }>
  readonly held_back: ReadonlyArray<HeldBack>
  readonly last_push_at: string | null
  readonly last_pull_at: string | null
  readonly conflicts: ReadonlyArray<{ readonly file: string; readonly conflict_copy: string; readonly from: string }>
  /** Projects whose memory the store keeps but that were never opened on this machine. */
  readonly not_on_this_machine: ReadonlyArray<{ readonly project_key: string; readonly files: number }>
}

export interface SearchMatch {
  readonly project_key: string
  readonly name: string
  readonly line: number
  readonly text: string
}

const keyList = (slugs: ReadonlyArray<ProjectSlug>) =>
  JSON.stringify([...new Set(slugs.flatMap((slug) => (slug.projectKey === undefined ? [] : [slug.projectKey])))])

const headShas = (db: Db, slugs: ReadonlyArray<ProjectSlug>) =>
  db.all(HeadShaRow, `SELECT entity_id, sha256 FROM ${memoryFileHeadsTable} WHERE project_key IN (SELECT unnest(from_json($1::JSON, '["VARCHAR"]')))`, [keyList(slugs)]).pipe(
    Effect.map((rows) => {
      const heads = new Map<string, Set<string>>()
      for (const row of rows) heads.set(row.entity_id, (heads.get(row.entity_id) ?? new Set<string>()).add(row.sha256))
      return heads
    }),
  )

const versionsOf = (db: Db, table: string, slugs: ReadonlyArray<ProjectSlug>) =>
  db.all(
    VersionRow,
    `SELECT entity_id, project_key, name, sha256, content, device_id, actor FROM ${table}
     WHERE project_key IN (SELECT unnest(from_json($1::JSON, '["VARCHAR"]'))) ORDER BY entity_id, event_id DESC`,
    [keyList(slugs)],
  )

const localSha = (path: string): string | undefined => (isRegularFile(path) ? sha256Of(readFileSync(path)) : undefined)

/** Claude Code's memory files, kept as events: push what changed here, pull what changed elsewhere. */
export class Memory extends Effect.Service<Memory>()("Memory", {
  effect: Effect.gen(function* () {
    const store = yield* LocalStore
    const config = yield* AppConfig
    const slugs = () => projectSlugs(config.claudeDataDirs)
    const requireOn = Effect.suspend(() =>
      syncsMemory(config.paths.dataDir) ? Effect.void : Effect.fail(new MemorySyncOff({ configFile: configFileIn(config.paths.dataDir) }))
    )

    /** Names the other side of a conflict: the user when it is someone else, else the device. */
    const labelOf = (version: VersionRow): string =>
      version.actor !== config.actor ? version.actor : version.device_id.slice(0, 8)

    const push = (allow: ReadonlyArray<string>) =>
      Effect.gen(function* () {
        yield* requireOn
        const queued = queuedMemoryEntries(config.paths.dataDir)
        const found = slugs()
        const result = yield* store.use(({ append, db }) =>
          Effect.gen(function* () {
            yield* ensureMemoryTables(db)
            const synced = yield* readSynced(db)
            const conflicts = yield* readConflicts(db)
            const heads = yield* headShas(db, found)
            const latest = new Map((yield* versionsOf(db, memoryFilesTable, found)).map((row) => [row.entity_id, row.sha256]))
            const scan = scanLocalChanges({ slugs: found, synced, conflicts, heads, allow })
            const drafts: Array<MemoryFileWritten | MemoryFileDeleted> = []
            const nowSynced: Array<SyncedRow> = []
            const forgotten: Array<string> = []
            for (const change of scan.changes) {
              if (change.kind === "deleted") {
                const { name, path, project_key: projectKey, sha256 } = change.synced
                // Already recorded (a push that died before saving what it synced): no second event.
                if (latest.get(memoryFileEntity(projectKey, name)) !== null) {
                  drafts.push({ _tag: "MemoryFileDeleted", projectKey, name, parents: [sha256] })
                }
                forgotten.push(path)
                continue
              }
              const { file, parents, resolved } = change
              if (resolved.length > 0 || latest.get(memoryFileEntity(file.projectKey, file.name)) !== file.sha256) {
                drafts.push({
                  _tag: "MemoryFileWritten",
                  projectKey: file.projectKey,
                  name: file.name,
                  parents,
                  content: file.content,
                  sha256: file.sha256,
                  bytes: file.bytes,
                })
              }
              nowSynced.push({ path: file.path, project_key: file.projectKey, name: file.name, sha256: file.sha256 })
            }
            yield* append(drafts.map((event) => () => event))
            yield* db.transaction(Effect.all([
              saveSynced(db, nowSynced, forgotten),
              removeConflicts(db, scan.removedConflicts.map((row) => row.conflict_file)),
              noteSyncTime(db, "push"),
            ]))
            yield* Effect.sync(() => writeConflictSummary(config.paths.dataDir, conflicts.filter((row) => existsSync(row.conflict_file))))
            yield* refreshMemoryIndex(db, config.paths)
            return {
              pushed: drafts.filter((event) => event._tag === "MemoryFileWritten").length,
              deleted: drafts.filter((event) => event._tag === "MemoryFileDeleted").length,
              held: scan.held,
              unkeyed: found.filter((slug) => slug.projectKey === undefined && existsSync(slug.memoryDir)).map((slug) => slug.memoryDir),
            } satisfies PushResult
          })
        )
        removeQueueEntries(queued)
        return result
      })

    const pull = Effect.gen(function* () {
      yield* requireOn
      const found = slugs().filter((slug) => slug.projectKey !== undefined)
      return yield* store.use(({ db }) =>
        Effect.gen(function* () {
          yield* ensureMemoryTables(db)
          const synced = new Map((yield* readSynced(db)).map((row) => [row.path, row.sha256]))
          const known = yield* readConflicts(db)
          const latestRows = yield* versionsOf(db, memoryFilesTable, found)
          const headRows = yield* versionsOf(db, memoryFileHeadsTable, found)
          const stored = (row: VersionRow): StoredVersion => ({ sha256: row.sha256, content: row.content, label: labelOf(row) })
          const written: Array<string> = []
          const deleted: Array<string> = []
          const conflictCopies: Array<ConflictRow> = []
          const nowSynced: Array<SyncedRow> = []
          const forgotten: Array<string> = []
          const touchedDirs = new Set<string>()
          for (const slug of found) {
            removeOrphanedTempFiles(slug.memoryDir)
            for (const latest of latestRows.filter((row) => row.project_key === slug.projectKey)) {
              const path = join(slug.memoryDir, latest.name)
              const action = reconcile({
                localSha: localSha(path),
                baseSha: synced.get(path),
                latest: stored(latest),
                heads: headRows.filter((row) => row.entity_id === latest.entity_id).map(stored),
                knownConflicts: new Set(known.filter((row) => row.path === path).map((row) => row.sha256)),
              })
              if (action.kind === "write" && action.version !== undefined) {
                mkdirSync(slug.memoryDir, { recursive: true })
                writeFileDurably(path, action.version.content)
                written.push(path)
              } else if (action.kind === "delete") {
                unlinkSync(path)
                deleted.push(path)
              }
              for (const version of action.conflicts) {
                const copy = join(slug.memoryDir, conflictFileName(latest.name, version.label))
                writeFileDurably(copy, version.content)
                conflictCopies.push({ path, sha256: version.sha256 ?? "", conflict_file: copy, label: version.label })
              }
              if (action.kind !== "keep" || action.conflicts.length > 0) touchedDirs.add(slug.memoryDir)
              if (action.baseSha === undefined) forgotten.push(path)
              else nowSynced.push({ path, project_key: latest.project_key, name: latest.name, sha256: action.baseSha })
            }
          }
          for (const dir of touchedDirs) syncDirectory(dir)
          yield* db.transaction(Effect.all([saveSynced(db, nowSynced, forgotten), addConflicts(db, conflictCopies), noteSyncTime(db, "pull")]))
          const open = [...new Map([...known, ...conflictCopies].map((row) => [row.conflict_file, row])).values()]
            .filter((row) => existsSync(row.conflict_file))
          yield* Effect.sync(() => writeConflictSummary(config.paths.dataDir, open))
          // After `memory sync`, this also covers what the exchange pulled.
          yield* refreshMemoryIndex(db, config.paths)
          return { written, deleted, conflicts: conflictCopies.map((row) => row.conflict_file) } satisfies PullResult
        })
      )
    })

    const status = Effect.gen(function* () {
      const found = slugs()
      return yield* store.use(({ db }) =>
        Effect.gen(function* () {
          yield* ensureMemoryTables(db)
          const synced = yield* readSynced(db)
          const conflicts = yield* readConflicts(db)
          const scan = scanLocalChanges({ slugs: found, synced, conflicts, heads: yield* headShas(db, found), allow: [] })
          const times = new Map((yield* db.all(TimeRow, `SELECT action, ${isoUtc("synced_at")} AS at FROM memory_sync_times`)).map((row) => [row.action, row.at]))
          const localKeys = new Set(found.flatMap((slug) => (slug.projectKey === undefined ? [] : [slug.projectKey])))
          const keys = yield* db.all(KeyRow, `SELECT project_key, count(*)::INTEGER AS files FROM ${memoryFilesTable} WHERE sha256 IS NOT NULL GROUP BY project_key ORDER BY project_key`)
          return {
            waiting_to_push: scan.changes.map((change) =>
              change.kind === "deleted" ? { path: change.synced.path, change: "deleted" as const } : { path: change.file.path, change: "written" as const }
            ),
            held_back: scan.held,
            last_push_at: times.get("push") ?? null,
            last_pull_at: times.get("pull") ?? null,
            conflicts: conflicts.filter((row) => existsSync(row.conflict_file)).map((row) => ({ file: row.path, conflict_copy: row.conflict_file, from: row.label })),
            not_on_this_machine: keys.filter((row) => !localKeys.has(row.project_key)),
          } satisfies MemoryStatus
        })
      )
    })

    /** The key of the project of the working directory, unless one is given. */
    const keyFor = (projectKey: string | undefined) => projectKey ?? projectName(config.cwd)

    /** Reads the store (the launcher answers from the memory index while it is current), and brings the index up to date. */
    const search = (text: string, options: { readonly projectKey: string | undefined; readonly allProjects: boolean }) =>
      store.read((db) => memoryFilesForSearch(db, config.paths)).pipe(
        Effect.map((files) => filesContaining(files, text, { allProjects: options.allProjects, projectKey: keyFor(options.projectKey) })),
      )

    const get = (fragment: string, projectKey: string | undefined) =>
      Effect.gen(function* () {
        const key = keyFor(projectKey)
        const rows = yield* store.read((db) =>
          db.all(
            MatchRow,
            `SELECT project_key, name, content FROM ${memoryFilesTable}
             WHERE sha256 IS NOT NULL AND project_key = $1 AND contains(lower(name), lower($2)) ORDER BY name`,
            [key, fragment],
          )
        )
        const exact = rows.filter((row) => row.name === fragment || row.name === `${fragment}.md`)
        const chosen = exact.length === 1 ? exact : rows
        const [only] = chosen
        if (only === undefined) return yield* new MemoryFileNotFound({ fragment, projectKey: key })
        if (chosen.length > 1) return yield* new AmbiguousMemoryFile({ fragment, names: chosen.map((row) => row.name) })
        return only
      })

    return { push, pull, status, search, get } as const
  }),
  dependencies: [LocalStore.Default],
}) {}
