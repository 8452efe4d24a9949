import { createHash } from "node:crypto"
import { encodeTime } from "ulid"
import type { EventId } from "../events/ids.js"

const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

/** 80 bits of a SHA-256 digest, as the 16 Crockford base32 characters of a ULID's random part. */
const randomPartOf = (identity: string): string => {
  const digest = createHash("sha256").update(identity).digest()
  let bits = 0n
  for (const byte of digest.subarray(0, 10)) bits = (bits << 8n) | BigInt(byte)
  let text = ""
  for (let index = 15; index >= 0; index--) text += crockford[Number((bits >> BigInt(index * 5)) & 31n)]
  return text
}

/**
 * A ULID made from a fact rather than from chance: its time part is `atMs`, its random part a
 * hash of `identity`. Two devices importing the same legacy row make the same id, so the
 * event store and the remote (which ignore ids they hold) keep one copy.
 */
export const deterministicEventId = (atMs: number, identity: string): EventId =>
  `${encodeTime(Math.max(0, atMs), 10)}${randomPartOf(identity)}` as EventId

/** The highest id within the millisecond `atMs`: everything stamped then or earlier sorts at or before it. */
export const lastEventIdAt = (atMs: number): EventId => `${encodeTime(Math.max(0, atMs), 10)}ZZZZZZZZZZZZZZZZ` as EventId
