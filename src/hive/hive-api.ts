import type { Effect } from "effect"
import type { DatabaseFailed, DatabaseLocked, StoreDamaged } from "../store/database-errors.js"
import type { HiveFileNotFound, HiveSyncBusy, HiveUnreachable, NoHiveConfigured, NotSubscribed } from "./hive-errors.js"

// What the hive offers its callers (the claude-hive commands, the app, doctor): the shapes of its
// answers and the service's interface. hive-service.ts implements it.

/** What can go wrong opening this user's own store. */
export type HiveStoreError = DatabaseFailed | DatabaseLocked | StoreDamaged

/** One memory file, named the way every device of every teammate names it. */
export interface HiveFileRef {
  readonly projectKey: string
  readonly name: string
}

/** A memory file on this machine, and where it stands with this user's hive. */
export interface PublishableFile extends HiveFileRef {
  readonly path: string
  readonly bytes: number
  /** Published now (some version of it is in the hive). */
  readonly published: boolean
  /** Published, and the file changed since: the next publish or `hive sync` sends the new version. */
  readonly changedSincePublished: boolean
  /** The kind of secret the content seems to hold ("AWS access key", …), or null. */
  readonly secretKind: string | null
}

export interface PublishOptions {
  /** File names (or `project/name`) to publish even though they look like they hold a secret. */
  readonly allow: ReadonlyArray<string>
}

export interface RefusedFile extends HiveFileRef {
  readonly reason: string
}

/** Where the events went: the hive, or (unreachable) the local store, to go out on the next sync. */
export interface HiveDelivery {
  readonly url: string
  /** Null when the hive took them; else why not (they go out on the next `hive sync`). */
  readonly unreachable: string | null
}

export interface PublishResult extends HiveDelivery {
  /** A new version went out. */
  readonly published: ReadonlyArray<HiveFileRef>
  /** The hive already holds this version. */
  readonly unchanged: ReadonlyArray<HiveFileRef>
  readonly refused: ReadonlyArray<RefusedFile>
}

export interface UnpublishResult extends HiveDelivery {
  readonly unpublished: ReadonlyArray<HiveFileRef>
  /** Named but not published: nothing to do. */
  readonly notPublished: ReadonlyArray<HiveFileRef>
}

/** A project a hive offers. */
export interface HiveProject {
  readonly projectKey: string
  /** Memory files published now. */
  readonly files: number
  /** Entries (notes) whose events the hive holds: a hive project. */
  readonly entries: number
}

export type HiveProjects = ReadonlyArray<string> | "all"

export interface Subscription {
  readonly url: string
  readonly projects: HiveProjects
  /** When this device last pulled from it, ISO UTC, or null. */
  readonly lastSyncAt: string | null
  /** Why the last attempt failed, or null. */
  readonly lastError: string | null
  /** Hive files written from it on this machine. */
  readonly files: number
}

export type UnsubscribeTarget = { readonly url: string } | { readonly project: string }

export interface UnreachableHive {
  readonly url: string
  readonly reason: string
}

export interface HiveSyncResult {
  /** Paths under ~/.claude/hive written (new or updated). */
  readonly written: ReadonlyArray<string>
  /** Paths removed: unpublished, or no longer subscribed. */
  readonly removed: ReadonlyArray<string>
  /** Paths whose local edit was overwritten (hive files are read-only copies). */
  readonly overwritten: ReadonlyArray<string>
  /** Entry events pulled into this store from subscribed hives. */
  readonly entryEventsPulled: number
  /** Events this sync delivered to the user's own hive. */
  readonly published: number
  /** Published files whose new version was held back as secret-looking. */
  readonly refused: ReadonlyArray<RefusedFile>
  readonly unreachable: ReadonlyArray<UnreachableHive>
}

/**
 * The hive: memory files published to teammates, subscriptions to theirs, and the entry events
 * of hive projects shared both ways. A hive is an event database its publisher owns.
 */
export interface HiveApi {
  readonly publishableFiles: Effect.Effect<ReadonlyArray<PublishableFile>, HiveStoreError>
  readonly publish: (
    files: ReadonlyArray<HiveFileRef>,
    options: PublishOptions,
  ) => Effect.Effect<PublishResult, HiveStoreError | NoHiveConfigured | HiveFileNotFound>
  readonly unpublish: (
    files: ReadonlyArray<HiveFileRef>,
  ) => Effect.Effect<UnpublishResult, HiveStoreError | NoHiveConfigured>
  /** This user's hive URL, to give teammates. */
  readonly url: Effect.Effect<string, NoHiveConfigured | HiveUnreachable>
  /** The projects a hive offers, to choose from before subscribing. */
  readonly projectsAt: (url: string) => Effect.Effect<ReadonlyArray<HiveProject>, HiveUnreachable | HiveStoreError>
  readonly subscribe: (url: string, projects: HiveProjects) => Effect.Effect<Subscription, HiveStoreError>
  /** The subscriptions (or projects of them) dropped. */
  readonly unsubscribe: (target: UnsubscribeTarget) => Effect.Effect<ReadonlyArray<Subscription>, HiveStoreError | NotSubscribed>
  readonly subscriptions: Effect.Effect<ReadonlyArray<Subscription>, HiveStoreError>
  readonly sync: Effect.Effect<HiveSyncResult, HiveStoreError | HiveSyncBusy>
}
