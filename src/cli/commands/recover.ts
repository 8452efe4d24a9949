import { Command } from "@effect/cli"
import { Console, Effect } from "effect"
import { decodeTime } from "ulid"
import { AppConfig } from "../../config/app-config.js"
import { readSpool } from "../../events/spool.js"
import { backfill } from "../../recording/backfill.js"
import { backupDirIn } from "../../events/event-log-backup.js"
import { LocalStore } from "../../local-store/local-store.js"
import { RecoverBusy, recoverLockPath, restoreNewestBackup, setDamagedAside } from "../../local-store/store-recovery.js"
import { processLock } from "../../store/process-lock.js"
import { Sync } from "../../sync/sync-service.js"

const fileStamp = (date: Date) => date.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")

/**
 * `recover`: when the store cannot be opened, sets the damaged file aside and rebuilds the store
 * from everything that survives it, saying what came from where and what could not come back.
 */
export const recoverCommand = Command.make("recover", {}, () =>
  Effect.scoped(Effect.gen(function* () {
    const store = yield* LocalStore
    const { paths } = yield* AppConfig
    // Beside the data dir, not in it: the data dir itself may be the damaged thing (a file).
    yield* processLock(recoverLockPath(paths.dataDir)).pipe(Effect.catchTag("ProcessLockBusy", () => Effect.fail(new RecoverBusy())))
    // Checked under the lock: a recover that just finished leaves a store that opens.
    const health = yield* store.read(() => Effect.void).pipe(Effect.either)
    if (health._tag === "Right") return yield* Console.log(`nothing to recover: ${paths.database} opens`)
    if (health.left._tag !== "StoreDamaged") return yield* health.left

    const moved = yield* Effect.try(() => setDamagedAside(paths, fileStamp(new Date())))
    const spooled = (yield* readSpool(paths.spoolDir)).events.length
    // The first open creates a fresh store and ingests the spool; the backup goes in beside it.
    const restored = yield* store.use((session) => restoreNewestBackup(session, backupDirIn(paths.dataDir)))
    const pulled = yield* (yield* Sync).sync(undefined).pipe(Effect.either)
    const transcripts = yield* backfill({}).pipe(Effect.either)

    const lines = [
      ...moved.map(({ from, to }) => `recover: set ${from} aside as ${to} (kept; nothing was read from it)`),
      restored.kind === "restored"
        ? `  • backup: ${restored.counts.shared + restored.counts.local} event(s) from ${restored.file}`
        : "  • backup: none found",
      `  • spool: ${spooled} event(s)`,
      pulled._tag === "Right"
        ? `  • remote: pulled ${pulled.right.pulled} event(s) from ${pulled.right.remote}`
        : pulled.left._tag === "NoRemoteConfigured"
        ? "  • remote: none configured"
        : pulled.left._tag === "SyncBusy"
        ? "  • remote: another sync is running; run `claude-session-logger sync` once it is done"
        : `  • remote: not reached (${pulled.left.message})`,
      transcripts._tag === "Left"
        ? `  • transcripts: not read (${transcripts.left.message})`
        : `  • transcripts: ${transcripts.right.recorded} session(s) recorded from ${transcripts.right.found} found`,
    ]
    const remoteHadEverything = pulled._tag === "Right"
    const lost = [
      ...(restored.kind === "restored"
        ? restored.counts.newest === null
          ? []
          : [`changes made on this device after ${new Date(decodeTime(restored.counts.newest)).toISOString()} (the backup's newest event)${remoteHadEverything ? " that never reached the remote" : ""}`]
        : [remoteHadEverything ? "notes and changes made on this device that never reached the remote" : "every note and change made on this device (no backup and no remote)"]),
      "sessions whose transcripts are gone, unless the backup or the remote held them",
      ...(restored.unreadable.length === 0 ? [] : [`damaged backups skipped: ${restored.unreadable.join(", ")}`]),
      ...(pulled._tag === "Left" && pulled.left._tag !== "NoRemoteConfigured" ? ["what only the remote holds, until `claude-session-logger sync` reaches it"] : []),
    ]
    yield* Console.log([...lines, `not recovered: ${lost.join("; ")}`].join("\n"))
  }))).pipe(Command.withDescription("Set a damaged store aside and rebuild it from its backups, the remote, the transcripts and the spool."))
