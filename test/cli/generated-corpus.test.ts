import { execFileSync } from "node:child_process"
import { mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { parseJson, projectRoot, runCli, userEnv } from "../support/cli.js"

// The corpus generator writes adversarial transcripts (copies with and without markers, deleted
// origins, responses across midnight, trailing file-history snapshots, no requestId) and its own
// ground truth, computed from what it wrote. Backfill must reproduce that truth exactly.

interface Tokens {
  readonly input: number
  readonly output: number
  readonly cacheWrite: number
  readonly cacheRead: number
}
interface Truth {
  readonly shapes: Readonly<Record<string, number>>
  readonly days: Readonly<Record<string, Tokens>>
  readonly sessions: Readonly<Record<string, Tokens & { readonly endedAt: string | null }>>
}
interface SessionJson {
  readonly session_id: string
  readonly ended_at: string | null
  readonly input_tokens: number
  readonly output_tokens: number
  readonly cache_write_tokens: number
  readonly cache_read_tokens: number
}
interface DayJson {
  readonly period: string
  readonly input_tokens: number
  readonly output_tokens: number
  readonly cache_write_tokens: number
  readonly cache_read_tokens: number
}

const seed = Number(process.env.PROPERTY_SEED ?? Math.floor(Math.random() * 2 ** 31))

describe("backfill of a generated adversarial corpus", () => {
  it.each(["default", "tool-heavy"])("equals the generator's truth per session and per UTC day (%s shape)", (shape) => {
    console.log(`generated ${shape} corpus seed ${seed} (replay with PROPERTY_SEED=${seed})`)
    const home = mkdtempSync(join(tmpdir(), "csl-corpus-"))
    execFileSync(process.execPath, [
      join(projectRoot, "bench", "generate-corpus.mjs"),
      home,
      ...["--sessions", shape === "default" ? "60" : "20", "--projects", "3", "--copies", "0.5", "--seed", String(seed), "--shape", shape],
    ])
    const truth = JSON.parse(readFileSync(join(home, "truth.json"), "utf8")) as Truth
    // The tool-heavy shape writes few, large sessions: too few for every adversarial shape each time.
    if (shape === "default") for (const [kind, count] of Object.entries(truth.shapes)) expect(count, `corpus holds shape ${kind}`).toBeGreaterThan(0)

    const env = userEnv(home, { CLAUDE_LOGGER_USER: "alice", TZ: "UTC" })
    expect(runCli(["backfill"], { env }).status).toBe(0)

    const sessions = parseJson<ReadonlyArray<SessionJson>>(runCli(["sessions", "--limit", "1000", "--json"], { env }))
    expect(Object.fromEntries(sessions.map((row) => [row.session_id, {
      input: row.input_tokens,
      output: row.output_tokens,
      cacheWrite: row.cache_write_tokens,
      cacheRead: row.cache_read_tokens,
      endedAt: row.ended_at,
    }]))).toEqual(truth.sessions)

    const days: Record<string, Tokens> = {}
    for (const row of parseJson<ReadonlyArray<DayJson>>(runCli(["summary", "--period", "d", "--timezone", "UTC", "--since", "2000-01-01", "--json"], { env }))) {
      const day = days[row.period] ?? { input: 0, output: 0, cacheWrite: 0, cacheRead: 0 }
      days[row.period] = {
        input: day.input + row.input_tokens,
        output: day.output + row.output_tokens,
        cacheWrite: day.cacheWrite + row.cache_write_tokens,
        cacheRead: day.cacheRead + row.cache_read_tokens,
      }
    }
    expect(days).toEqual(truth.days)
  }, 60_000)
})
