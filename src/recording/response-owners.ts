import { Effect } from "effect"
import type { SessionRecorded } from "../events/domain-event.js"
import { isOf, readDecoded } from "../projections/decoded-events.js"
import type { Db } from "../store/database.js"
import type { CountedResponse } from "../transcript/session-accumulator.js"
import {
  claimsHeldOutside,
  claimsOf,
  replaceClaims,
  responsesOwnedElsewhere,
  responsesOwnedElsewhereAmong,
  sessionsSharingResponsesWith,
} from "../usage/response-claims.js"
import { type RecordingRules, type SessionRecording, tokenFigures } from "./session-recording.js"

/**
 * Each API response counts once, for one owner (the rule is in usage/response-claims.ts), however
 * many sessions' files hold it. Recording stores what each session holds, then recounts the
 * sessions whose owned responses changed: recording sessions one by one in any order, or all at
 * once, ends in the same totals.
 */

const withFigures = (event: SessionRecorded, responses: ReadonlyArray<CountedResponse>, rules: RecordingRules) => {
  const { hourlyUsage, models, unknownModels } = tokenFigures(responses, rules, event.startedAt)
  return { event: { ...event, models, hourlyUsage }, unknownModels }
}

/** The responses that more than one of these recordings hold. */
const heldTwice = (recordings: ReadonlyArray<SessionRecording>): ReadonlyArray<string> => {
  const seen = new Set<string>()
  const twice = new Set<string>()
  for (const recording of recordings) {
    for (const { key } of recording.responses) (seen.has(key) ? twice : seen).add(key)
  }
  return [...twice]
}

/** Recorded sessions outside the batch whose owned responses changed: their latest recording with new figures. */
const rerecordings = (db: Db, sessionIds: ReadonlyArray<string>, lost: ReadonlyMap<string, ReadonlySet<string>>, rules: RecordingRules) =>
  Effect.gen(function* () {
    if (sessionIds.length === 0) return []
    const latest = new Map<string, SessionRecorded>()
    for (const { event } of (yield* readDecoded(db, { types: ["SessionRecorded"], entityIds: sessionIds })).filter(isOf("SessionRecorded"))) {
      latest.set(event.sessionId, event)
    }
    const claims = yield* claimsOf(db, sessionIds)
    return [...latest.values()].map((event): SessionRecording => {
      const owned = claims
        .filter((claim) => claim.sessionId === event.sessionId && !(lost.get(event.sessionId)?.has(claim.response.key) ?? false))
        .map((claim) => claim.response)
      return { ...withFigures(event, owned, rules), malformedLines: 0, responses: [], toolCalls: [] }
    })
  })

/**
 * Stores the responses of freshly parsed sessions and applies the ownership rule: returns their
 * recordings counting only what they own, plus new recordings of already recorded sessions that
 * gained or lost a response because of them.
 */
export const settleOwnership = (db: Db, recordings: ReadonlyArray<SessionRecording>, rules: RecordingRules) =>
  Effect.gen(function* () {
    if (recordings.length === 0) return recordings
    const batch = recordings.map((recording) => recording.event.sessionId as string)
    const outside = yield* claimsHeldOutside(db, batch)
    const sharedBefore = outside ? yield* sessionsSharingResponsesWith(db, batch) : []
    yield* db.transaction(replaceClaims(db, recordings.map((recording) => ({ sessionId: recording.event.sessionId, responses: recording.responses }))))
    const others = outside ? [...new Set([...sharedBefore, ...(yield* sessionsSharingResponsesWith(db, batch))])] : []
    // With no other session's claims in the store (a backfill creating it), only the responses the
    // batch holds twice have an owner to choose.
    const lost = outside ? yield* responsesOwnedElsewhere(db, [...batch, ...others]) : yield* responsesOwnedElsewhereAmong(db, heldTwice(recordings))
    const settled = recordings.map((recording) => {
      const lostHere = lost.get(recording.event.sessionId)
      if (lostHere === undefined) return recording
      const owned = recording.responses.filter((response) => !lostHere.has(response.key))
      return { ...recording, ...withFigures(recording.event, owned, rules) }
    })
    return [...settled, ...(yield* rerecordings(db, others, lost, rules))]
  })
