import { Effect } from "effect"
import { storeActivity } from "./activity-table.js"
import { AppConfig } from "../config/app-config.js"
import { latestPayloads } from "../events/event-store.js"
import { payloadOf } from "../events/stored-event.js"
import { LocalStore, readerLockWait } from "../local-store/local-store.js"
import type { StoreSession } from "../local-store/store-extension.js"
import { loadPrices } from "../transcript/pricing.js"
import { loadSessionTypeRules } from "../transcript/session-type.js"
import { settleOwnership } from "./response-owners.js"
import type { RecordingRules, SessionRecording } from "./session-recording.js"


/** Records sessions as SessionRecorded events, skipping any whose recording did not change. */
export class SessionRecorder extends Effect.Service<SessionRecorder>()("SessionRecorder", {
  effect: Effect.gen(function* () {
    const store = yield* LocalStore
    const { paths } = yield* AppConfig

    /** Prices and session-type rules as the user has them now (files in the data dir). */
    const rules = (): RecordingRules => ({
      prices: loadPrices(paths.prices),
      sessionTypes: loadSessionTypeRules(paths.sessionTypes),
    })

    /** Records them in a store this process has open; returns how many were recorded and how many were unchanged. */
    const recordIn = ({ append, db }: StoreSession, parsed: ReadonlyArray<SessionRecording>) =>
      Effect.gen(function* () {
        if (parsed.length === 0) return { recorded: 0, unchanged: 0 }
        yield* storeActivity(db, parsed.map(({ event, toolCalls }) => ({ sessionId: event.sessionId, project: event.project, cwd: event.cwd, toolCalls })))
        const recordings = yield* settleOwnership(db, parsed, rules())
        const latest = yield* latestPayloads(db, "SessionRecorded", recordings.map((recording) => recording.event.sessionId))
        const previous = new Map([...latest].map(([sessionId, payload]) => [sessionId, JSON.stringify(JSON.parse(payload))]))
        const changed = recordings.filter((recording) => {
          const before = previous.get(recording.event.sessionId)
          return before === undefined || before !== JSON.stringify(payloadOf(recording.event))
        })
        yield* append(changed.map((recording) => () => recording.event))
        // Sessions outside the batch that settling re-recorded count as recorded, never as unchanged.
        const inBatch = new Set(parsed.map((recording) => recording.event.sessionId))
        return { recorded: changed.length, unchanged: parsed.length - changed.filter((recording) => inBatch.has(recording.event.sessionId)).length }
      })

    /** Opens the store and records them: returns how many were recorded and how many were unchanged. */
    const record = (parsed: ReadonlyArray<SessionRecording>) => store.use((session) => recordIn(session, parsed), readerLockWait)

    return { rules, record, recordIn } as const
  }),
  dependencies: [LocalStore.Default],
}) {}
