import { Effect, Schema } from "effect"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { appendActivityLog } from "../config/activity-log.js"
import { AppConfig } from "../config/app-config.js"
import { isHiveProject } from "../config/project-identity.js"
import { type MemoryPublished, type MemoryUnpublished, publishedMemoryEntity, type HiveSubscribed, type HiveUnsubscribed } from "../events/domain-event.js"
import { sharedEventsSql } from "../events/event-store.js"
import type { EventDraft } from "../events/stamp-events.js"
import { LocalStore } from "../local-store/local-store.js"
import { sha256Of } from "../memory/local-changes.js"
import { memoryFileNames, projectSlugs } from "../memory/memory-dirs.js"
import { secretKindIn } from "../memory/secret-patterns.js"
import { hivePublishedTable } from "../projections/hive-published.js"
import { hiveSubscriptionsTable } from "../projections/hive-subscriptions.js"
import type { DatabaseFailed } from "../store/database-errors.js"
import { type Db, openDatabase } from "../store/database.js"
import { processLock } from "../store/process-lock.js"
import { isoUtc, sqlString } from "../store/sql-fragments.js"
import { appendToRemote, copyRemoteEvents, remoteEventsDdl, remoteUpto } from "../sync/exchange.js"
import { attachRemote, detachRemote } from "../sync/remote-connection.js"
import { redactSecrets } from "../sync/redact-secrets.js"
import type {
  HiveApi,
  HiveFileRef,
  HiveProject,
  HiveProjects,
  HiveStoreError,
  HiveSyncResult,
  PublishableFile,
  PublishOptions,
  PublishResult,
  RefusedFile,
  Subscription,
  UnpublishResult,
  UnreachableHive,
  UnsubscribeTarget,
} from "./hive-api.js"
import { ownHiveEventsWhere, publishedMemorySql, subscribedEntryEventsWhere } from "./hive-events.js"
import { ensureHiveDir, type HiveCopy, hiveLayout, importHiveIndex, materializeHive } from "./hive-files.js"
import {
  HiveFileNotFound,
  HiveSyncBusy,
  HiveUnreachable,
  NoHiveConfigured,
  NotSubscribed,
} from "./hive-errors.js"
import { type HiveTarget, hiveTarget, hiveUrlOf, motherDuckHiveDatabase, ownHiveTarget } from "./hive-target.js"

/** A memory file as read from this machine. */
interface LocalFile extends HiveFileRef {
  readonly path: string
  readonly content: string
  readonly sha256: string
  readonly bytes: number
}

const PublishedRow = Schema.Struct({ entity_id: Schema.String, project_key: Schema.String, name: Schema.String, sha256: Schema.String })
const SubscriptionRow = Schema.Struct({
  url: Schema.String,
  projects: Schema.NullOr(Schema.Array(Schema.String)),
  last_sync_at: Schema.NullOr(Schema.String),
  last_error: Schema.NullOr(Schema.String),
  files: Schema.Number,
})
const CopyRow = Schema.Struct({ project_key: Schema.String, name: Schema.String, actor: Schema.String, sha256: Schema.String, content: Schema.String })
const WrittenRow = Schema.Struct({ path: Schema.String, sha256: Schema.String })
const StateRow = Schema.Struct({ pulled_seq: Schema.Number, projects: Schema.String })
const ProjectRow = Schema.Struct({ project_key: Schema.String, files: Schema.Number, entries: Schema.Number })
const ShareRow = Schema.Struct({ share_url: Schema.String })

const ownCatalog = "csl_hive"
const subscribedCatalog = "csl_hive_subscribed"

const refOf = (file: HiveFileRef): HiveFileRef => ({ projectKey: file.projectKey, name: file.name })

const reasonOf = (error: { readonly reason: string }) => redactSecrets(error.reason)

/** The cursor of a subscribed hive holds under one choice of projects; another choice pulls afresh. */
const projectsKey = (projects: ReadonlyArray<string> | null) => (projects === null ? "*" : JSON.stringify([...projects].sort()))

const subscriptionOf = (row: typeof SubscriptionRow.Type): Subscription => ({
  url: row.url,
  projects: row.projects ?? "all",
  lastSyncAt: row.last_sync_at,
  lastError: row.last_error,
  files: row.files,
})

export class Hive extends Effect.Service<Hive>()("Hive", {
  effect: Effect.gen(function* () {
    const store = yield* LocalStore
    const config = yield* AppConfig
    // Tests name no Claude dir: the copies then stay inside the data dir, never in a real ~/.claude.
    const claudeDir = config.claudeDataDirs[0] ?? join(config.paths.dataDir, "claude")
    // The hive's place on this machine, which also tells session start that the hive is in use.
    const markHiveInUse = Effect.sync(() => ensureHiveDir(claudeDir))
    const ownTarget = () => ownHiveTarget(config.env, config.paths.dataDir, config.cwd)
    const log = (line: string) => appendActivityLog(config.paths.log, `hive: ${line}`)
    // This user's rows only: a teammate's publications and subscriptions reach the store too when
    // both sync through one shared remote, and are theirs alone.
    const entityOfRef = (file: HiveFileRef) => publishedMemoryEntity(config.actor, file.projectKey, file.name)
    const myPublished = `(SELECT * FROM ${hivePublishedTable} WHERE actor = ${sqlString(config.actor)})`
    const mySubscriptions = `(SELECT * FROM ${hiveSubscriptionsTable} WHERE actor = ${sqlString(config.actor)})`

    const localFiles = (): ReadonlyArray<LocalFile> => {
      const seen = new Map<string, LocalFile>()
      for (const slug of projectSlugs(config.claudeDataDirs)) {
        if (slug.projectKey === undefined) continue
        for (const name of memoryFileNames(slug.memoryDir)) {
          const path = join(slug.memoryDir, name)
          const key = entityOfRef({ projectKey: slug.projectKey, name })
          if (seen.has(key)) continue
          try {
            const bytes = readFileSync(path)
            seen.set(key, { projectKey: slug.projectKey, name, path, content: bytes.toString("utf8"), sha256: sha256Of(bytes), bytes: bytes.length })
          } catch {
            continue
          }
        }
      }
      return [...seen.values()].sort((a, b) => a.projectKey.localeCompare(b.projectKey) || a.name.localeCompare(b.name))
    }

    /** The projects whose entry events go to this user's hive: `is-hive-project: true` where they were worked on here. */
    const hiveProjects = (): ReadonlyArray<string> => {
      const projects = new Set<string>()
      for (const slug of projectSlugs(config.claudeDataDirs)) {
        if (slug.cwd !== undefined && slug.projectKey !== undefined && isHiveProject(slug.cwd)) projects.add(slug.projectKey)
      }
      return [...projects]
    }

    const publishedIn = (db: Db) =>
      db.all(PublishedRow, `SELECT entity_id, project_key, name, sha256 FROM ${myPublished}`).pipe(
        Effect.map((rows) => new Map(rows.map((row) => [row.entity_id, row]))),
      )

    const CountRow = Schema.Struct({ events: Schema.Number })
    /** Whether anything is meant for the user's hive at all: if not, it is not even opened (nor made, on MotherDuck). */
    const hasHiveEvents = (db: Db, projects: ReadonlyArray<string>) =>
      db.all(CountRow, `SELECT count(*)::INTEGER AS events FROM (SELECT 1 FROM events e WHERE ${ownHiveEventsWhere(config.actor, projects)} LIMIT 1)`).pipe(
        Effect.map(([row]) => (row?.events ?? 0) > 0),
      )

    /** Sends what the user's hive lacks; an unreachable hive is a reason, not a failure: the events wait here. */
    const deliver = (db: Db, target: HiveTarget) =>
      Effect.gen(function* () {
        const projects = hiveProjects()
        return (yield* hasHiveEvents(db, projects)) ? yield* deliverTo(db, target, projects) : { pushed: 0, unreachable: null }
      })

    const deliverTo = (db: Db, target: HiveTarget, projects: ReadonlyArray<string>) =>
      attachRemote(db, target, config.env, { catalog: ownCatalog }).pipe(
        Effect.flatMap((catalog) =>
          db.run(remoteEventsDdl(catalog)).pipe(
            Effect.zipRight(appendToRemote(
              db,
              catalog,
              sharedEventsSql({ where: `${ownHiveEventsWhere(config.actor, projects)} AND e.id NOT IN (SELECT id FROM ${catalog}.events)` }),
            )),
            Effect.ensuring(detachRemote(db, catalog)),
          )
        ),
        Effect.map((pushed) => ({ pushed, unreachable: null })),
        Effect.catchTags({
          RemoteUnavailable: (error) => Effect.succeed({ pushed: 0, unreachable: reasonOf(error) }),
          RemoteDamaged: (error) => Effect.succeed({ pushed: 0, unreachable: reasonOf(error) }),
          DatabaseFailed: (error) => Effect.succeed({ pushed: 0, unreachable: reasonOf(error) }),
        }),
        Effect.tap(({ unreachable }) => (unreachable === null ? Effect.void : Effect.sync(() => log(`cannot reach your hive ${hiveUrlOf(target)}: ${unreachable}`)))),
      )

    const requireOwnTarget = Effect.suspend(() => {
      const target = ownTarget()
      return target === undefined ? Effect.fail(new NoHiveConfigured()) : Effect.succeed(target)
    })

    /** A new version of each file named, unless it looks secret and is not allowed. */
    const publicationOf = (
      files: ReadonlyArray<LocalFile>,
      published: ReadonlyMap<string, typeof PublishedRow.Type>,
      allow: ReadonlyArray<string>,
    ) => {
      const drafts: Array<MemoryPublished> = []
      const publishedRefs: Array<HiveFileRef> = []
      const unchanged: Array<HiveFileRef> = []
      const refused: Array<RefusedFile> = []
      for (const file of files) {
        const secret = secretKindIn(file.content)
        if (published.get(entityOfRef(file))?.sha256 === file.sha256) unchanged.push(refOf(file))
        else if (secret !== undefined && !allow.includes(file.name) && !allow.includes(`${file.projectKey}/${file.name}`)) {
          refused.push({ ...refOf(file), reason: `looks like it holds a secret (${secret}); pass --allow ${file.name} to publish it anyway` })
        } else {
          drafts.push({ _tag: "MemoryPublished", projectKey: file.projectKey, name: file.name, content: file.content, sha256: file.sha256, bytes: file.bytes })
          publishedRefs.push(refOf(file))
        }
      }
      return { drafts, published: publishedRefs, unchanged, refused }
    }

    const publishableFiles = store.read((db) =>
      publishedIn(db).pipe(Effect.map((published) =>
        localFiles().map((file): PublishableFile => {
          const row = published.get(entityOfRef(file))
          return {
            ...refOf(file),
            path: file.path,
            bytes: file.bytes,
            published: row !== undefined,
            changedSincePublished: row !== undefined && row.sha256 !== file.sha256,
            secretKind: secretKindIn(file.content) ?? null,
          }
        })
      ))
    )

    const publish = (files: ReadonlyArray<HiveFileRef>, options: PublishOptions) =>
      Effect.gen(function* () {
        const target = yield* requireOwnTarget
        const local = new Map(localFiles().map((file) => [entityOfRef(file), file]))
        const chosen: Array<LocalFile> = []
        for (const ref of files) {
          const file = local.get(entityOfRef(ref))
          if (file === undefined) return yield* new HiveFileNotFound({ file: `${ref.projectKey}/${ref.name}` })
          chosen.push(file)
        }
        return yield* store.use(({ append, db }) =>
          Effect.gen(function* () {
            const publication = publicationOf(chosen, yield* publishedIn(db), options.allow)
            yield* markHiveInUse
            yield* append(publication.drafts.map((event) => () => event))
            const delivery = yield* deliver(db, target)
            return {
              url: hiveUrlOf(target),
              unreachable: delivery.unreachable,
              published: publication.published,
              unchanged: publication.unchanged,
              refused: publication.refused,
            } satisfies PublishResult
          })
        )
      })

    const unpublish = (files: ReadonlyArray<HiveFileRef>) =>
      Effect.gen(function* () {
        const target = yield* requireOwnTarget
        return yield* store.use(({ append, db }) =>
          Effect.gen(function* () {
            const published = yield* publishedIn(db)
            const going = files.filter((file) => published.has(entityOfRef(file))).map(refOf)
            yield* append(going.map((file): EventDraft => () => ({ _tag: "MemoryUnpublished", ...file }) satisfies MemoryUnpublished))
            const delivery = yield* deliver(db, target)
            return {
              url: hiveUrlOf(target),
              unreachable: delivery.unreachable,
              unpublished: going,
              notPublished: files.filter((file) => !published.has(entityOfRef(file))).map(refOf),
            } satisfies UnpublishResult
          })
        )
      })

    /** A scratch DuckDB connection to look at a hive without holding the store. */
    const withScratchDb = <A>(url: string, work: (db: Db) => Effect.Effect<A, HiveUnreachable | DatabaseFailed>) =>
      Effect.scoped(openDatabase(":memory:").pipe(Effect.flatMap(work))).pipe(
        Effect.catchTags({
          DatabaseFailed: (error) => Effect.fail(new HiveUnreachable({ url, reason: reasonOf(error) })),
          DatabaseLocked: (error) => Effect.fail(new HiveUnreachable({ url, reason: error.message })),
        }),
      )

    const unreachableAs = (url: string) => ({
      RemoteUnavailable: (error: { readonly reason: string }) => Effect.fail(new HiveUnreachable({ url, reason: reasonOf(error) })),
      RemoteDamaged: (error: { readonly reason: string }) => Effect.fail(new HiveUnreachable({ url, reason: reasonOf(error) })),
    })

    /** Makes sure the hive exists (so a teammate can attach it at once) and names it: a file path, or a MotherDuck share URL. */
    const url = Effect.gen(function* () {
      const target = yield* requireOwnTarget
      const named = hiveUrlOf(target)
      return yield* withScratchDb(named, (db) =>
        attachRemote(db, target, config.env, { catalog: ownCatalog }).pipe(
          Effect.flatMap((catalog) =>
            db.run(remoteEventsDdl(catalog)).pipe(
              Effect.zipRight(
                target.kind === "file"
                  ? Effect.succeed(named)
                  : db.all(ShareRow, `CREATE SHARE IF NOT EXISTS ${motherDuckHiveDatabase} FROM ${catalog} (ACCESS UNRESTRICTED, VISIBILITY HIDDEN, UPDATE AUTOMATIC)`)
                    .pipe(Effect.map((rows) => rows[0]?.share_url ?? named)),
              ),
              Effect.ensuring(detachRemote(db, catalog)),
            )
          ),
          Effect.catchTags(unreachableAs(named)),
        ))
    })

    const normalized = (url: string) => hiveUrlOf(hiveTarget(url, config.cwd))

    const projectsAt = (url: string) => {
      const named = normalized(url)
      return withScratchDb(named, (db) =>
        attachRemote(db, hiveTarget(named, config.cwd), config.env, { catalog: subscribedCatalog, readOnly: true }).pipe(
          Effect.flatMap((catalog) =>
            db.all(
              ProjectRow,
              `WITH latest AS (
                 SELECT type, json_extract_string(payload, '$.projectKey') AS project_key FROM ${catalog}.events
                 WHERE type IN ('MemoryPublished', 'MemoryUnpublished')
                 QUALIFY row_number() OVER (PARTITION BY entity_id ORDER BY id DESC) = 1),
               files AS (SELECT project_key, count(*) FILTER (WHERE type = 'MemoryPublished')::INTEGER AS files FROM latest GROUP BY project_key),
               entries AS (
                 SELECT json_extract_string(payload, '$.project') AS project_key, count(*)::INTEGER AS entries FROM ${catalog}.events
                 WHERE type = 'EntryLogged' AND json_extract_string(payload, '$.project') IS NOT NULL GROUP BY 1)
               SELECT project_key, coalesce(files.files, 0)::INTEGER AS files, coalesce(entries.entries, 0)::INTEGER AS entries
               FROM files FULL OUTER JOIN entries USING (project_key)
               WHERE coalesce(files.files, 0) + coalesce(entries.entries, 0) > 0 ORDER BY project_key`,
            ).pipe(Effect.ensuring(detachRemote(db, catalog)))
          ),
          Effect.catchTags(unreachableAs(named)),
        )).pipe(Effect.map((rows) => rows.map((row): HiveProject => ({ projectKey: row.project_key, files: row.files, entries: row.entries }))))
    }

    const readSubscriptions = (db: Db) =>
      db.all(
        SubscriptionRow,
        `SELECT s.url, s.projects, ${isoUtc("st.last_sync_at")} AS last_sync_at, st.last_error,
           (SELECT count(*) FROM hive_files f WHERE f.url = s.url AND f.sha256 IS NOT NULL)::INTEGER AS files
         FROM ${mySubscriptions} s LEFT JOIN hive_state st ON st.url = s.url ORDER BY s.url`,
      ).pipe(Effect.map((rows) => rows.map(subscriptionOf)))

    const subscriptions = store.read(readSubscriptions)

    const subscribe = (url: string, projects: HiveProjects): Effect.Effect<Subscription, HiveStoreError> =>
      store.use(({ append, db }) =>
        Effect.gen(function* () {
          const named = normalized(url)
          const current = (yield* readSubscriptions(db)).find((row) => row.url === named)
          const merged = projects === "all" || current?.projects === "all"
            ? null
            : [...new Set([...(current?.projects ?? []), ...projects])].sort()
          yield* append([() => ({ _tag: "HiveSubscribed", url: named, projects: merged }) satisfies HiveSubscribed])
          yield* markHiveInUse
          const now = (yield* readSubscriptions(db)).find((row) => row.url === named)
          return now ?? { url: named, projects: merged ?? "all", lastSyncAt: null, lastError: null, files: 0 } satisfies Subscription
        })
      )

    const unsubscribe = (target: UnsubscribeTarget) =>
      store.use(({ append, db }) =>
        Effect.gen(function* () {
          const current = yield* readSubscriptions(db)
          const drafts: Array<HiveSubscribed | HiveUnsubscribed> = []
          const dropped: Array<Subscription> = []
          if ("url" in target) {
            const named = normalized(target.url)
            const found = current.find((row) => row.url === named)
            if (found === undefined) return yield* new NotSubscribed({ what: named })
            drafts.push({ _tag: "HiveUnsubscribed", url: named })
            dropped.push(found)
          } else {
            for (const row of current) {
              if (row.projects === "all" || !row.projects.includes(target.project)) continue
              const rest = row.projects.filter((project) => project !== target.project)
              drafts.push(rest.length === 0 ? { _tag: "HiveUnsubscribed", url: row.url } : { _tag: "HiveSubscribed", url: row.url, projects: rest })
              dropped.push({ ...row, projects: [target.project] })
            }
            if (drafts.length === 0) {
              return yield* new NotSubscribed({
                what: current.some((row) => row.projects === "all")
                  ? `project ${target.project} by name (a hive you take every project of is dropped by its URL)`
                  : `project ${target.project}`,
              })
            }
          }
          yield* append(drafts.map((event) => () => event))
          return dropped
        })
      )

    /** Pulls one subscribed hive, all or nothing: its entry events join the store, its published files the copies table. */
    const pullHive = (db: Db, subscription: Subscription) =>
      Effect.gen(function* () {
        const projects = subscription.projects === "all" ? null : subscription.projects
        const catalog = yield* attachRemote(db, hiveTarget(subscription.url, config.cwd), config.env, { catalog: subscribedCatalog, readOnly: true })
        return yield* db.transaction(Effect.gen(function* () {
          const [state] = yield* db.all(StateRow, `SELECT pulled_seq::DOUBLE AS pulled_seq, projects FROM hive_state WHERE url = $1`, [subscription.url])
          const key = projectsKey(projects)
          const afterSeq = state?.projects === key ? state.pulled_seq : 0
          if (state !== undefined && state.projects !== key) yield* db.run(`DELETE FROM hive_files WHERE url = $1`, [subscription.url])
          const upto = yield* remoteUpto(db, catalog)
          const pulled = yield* copyRemoteEvents(db, catalog, { afterSeq, upto }, subscribedEntryEventsWhere(catalog, projects))
          yield* db.run(
            `INSERT INTO hive_files (url, entity_id, event_id, project_key, name, sha256, content, actor)
             ${publishedMemorySql(catalog, subscription.url, projects)}
             ON CONFLICT (url, entity_id) DO UPDATE SET event_id = excluded.event_id, project_key = excluded.project_key, name = excluded.name,
               sha256 = excluded.sha256, content = excluded.content, actor = excluded.actor
             WHERE excluded.event_id > hive_files.event_id`,
            [afterSeq, upto],
          )
          yield* db.run(
            `INSERT INTO hive_state (url, pulled_seq, projects, last_sync_at, last_error) VALUES ($1, $2, $3, now(), NULL)
             ON CONFLICT (url) DO UPDATE SET pulled_seq = excluded.pulled_seq, projects = excluded.projects, last_sync_at = now(), last_error = NULL`,
            [subscription.url, upto, key],
          )
          return pulled.length
        })).pipe(Effect.ensuring(detachRemote(db, catalog)))
      }).pipe(
        Effect.catchTags({
          RemoteUnavailable: (error) => Effect.fail(reasonOf(error)),
          RemoteDamaged: (error) => Effect.fail(reasonOf(error)),
          DatabaseFailed: (error) => Effect.fail(reasonOf(error)),
        }),
      )

    const noteFailure = (db: Db, url: string, reason: string) =>
      db.run(
        `INSERT INTO hive_state (url, pulled_seq, projects, last_error) VALUES ($1, 0, '', $2)
         ON CONFLICT (url) DO UPDATE SET last_error = excluded.last_error`,
        [url, reason],
      )

    /** Writes the copies of every subscribed hive's files, and records what it wrote, as one step a rerun repeats safely. */
    const refreshCopies = (db: Db, subscribed: ReadonlyArray<Subscription>) =>
      Effect.gen(function* () {
        const copies = yield* db.all(
          CopyRow,
          `SELECT project_key, name, actor, sha256, content FROM hive_files
           WHERE sha256 IS NOT NULL AND url IN (SELECT url FROM ${mySubscriptions})`,
        )
        const previously = new Map((yield* db.all(WrittenRow, `SELECT path, sha256 FROM hive_written`)).map((row) => [row.path, row.sha256]))
        const result = materializeHive(claudeDir, hiveLayout(copies.map((row): HiveCopy => ({
          projectKey: row.project_key,
          name: row.name,
          actor: row.actor,
          sha256: row.sha256,
          content: row.content,
        }))), previously)
        if (subscribed.length > 0) importHiveIndex(claudeDir)
        yield* db.transaction(Effect.all([
          db.run(`DELETE FROM hive_written`),
          db.run(
            `INSERT INTO hive_written SELECT unnest(from_json($1::JSON, '[{"path":"VARCHAR","sha256":"VARCHAR"}]'), recursive := true)`,
            [JSON.stringify([...result.held].map(([path, sha256]) => ({ path, sha256 })))],
          ),
        ]))
        for (const path of result.overwritten) log(`overwrote your edit of ${path}: hive files are read-only copies`)
        return result
      })

    const exchange = store.use(({ append, db }) =>
      Effect.gen(function* () {
        const target = ownTarget()
        const unreachable: Array<UnreachableHive> = []
        // A published file edited since goes out again, unless the edit looks secret.
        const published = yield* publishedIn(db)
        const changed = localFiles().filter((file) => published.has(entityOfRef(file)))
        const publication = publicationOf(changed, published, [])
        yield* append(publication.drafts.map((event) => () => event))
        let delivered = 0
        if (target !== undefined) {
          const delivery = yield* deliver(db, target)
          delivered = delivery.pushed
          if (delivery.unreachable !== null) unreachable.push({ url: hiveUrlOf(target), reason: delivery.unreachable })
        }
        const subscribed = yield* readSubscriptions(db)
        let entryEventsPulled = 0
        for (const subscription of subscribed) {
          const pulled = yield* pullHive(db, subscription).pipe(
            Effect.catchAll((reason) =>
              noteFailure(db, subscription.url, reason).pipe(
                Effect.tap(() => Effect.sync(() => log(`cannot reach ${subscription.url}: ${reason}; trying again on the next sync`))),
                Effect.as(0),
                Effect.tap(() => Effect.sync(() => unreachable.push({ url: subscription.url, reason }))),
              )
            ),
          )
          entryEventsPulled += pulled
        }
        // Hives no longer subscribed to: their copies go on this refresh, their cursor with them.
        yield* db.run(`DELETE FROM hive_files WHERE url NOT IN (SELECT url FROM ${mySubscriptions})`)
        yield* db.run(`DELETE FROM hive_state WHERE url NOT IN (SELECT url FROM ${mySubscriptions})`)
        const copies = yield* refreshCopies(db, subscribed)
        return {
          written: copies.written,
          removed: copies.removed,
          overwritten: copies.overwritten,
          entryEventsPulled,
          published: delivered,
          refused: publication.refused,
          unreachable,
        } satisfies HiveSyncResult
      })
    )

    /** One hive sync per data dir at a time. */
    const sync = Effect.scoped(processLock(join(config.paths.dataDir, "hive-sync.lock")).pipe(Effect.zipRight(exchange))).pipe(
      Effect.catchTag("ProcessLockBusy", () => Effect.fail(new HiveSyncBusy())),
    )

    const api: HiveApi = { publishableFiles, publish, unpublish, url, projectsAt, subscribe, unsubscribe, subscriptions, sync }
    return api
  }),
  dependencies: [LocalStore.Default],
}) {}
