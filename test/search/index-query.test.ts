import fc from "fast-check"
import { appendFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { contentHits, metadataOf, searchSessions } from "../../src/search/index-query.js"
import { isCaseSensitive, snippetAround } from "../../src/search/match-snippet.js"
import { loadSearchIndex, searchIndexPath, type SearchIndex, writeSearchIndex } from "../../src/search/search-index-file.js"
import { searchTextOf } from "../../src/search/search-text.js"
import type { SessionView } from "../../src/sessions/session-queries.js"
import { readConversation } from "../../src/transcript/conversation.js"

const seed = Number(process.env.PROPERTY_SEED ?? Math.floor(Math.random() * 2 ** 31))

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "csl-search-"))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const view = (sessionId: string, title: string): SessionView => ({
  session_id: sessionId, project: "shop", cwd: "/home/dev/shop", started_at: null, ended_at: null, duration_min: 1, models: "",
  input_tokens: 0, output_tokens: 0, cache_write_tokens: 0, cache_read_tokens: 0, total_tokens: 0, cost_usd: 0,
  message_count: 1, tool_call_count: 0, skills_used: "", git_branch: "main", cc_version: null, title, session_type: "chat", created_by: "dev", cc_cost_usd: null,
})

/** What a transcript line can hold: shown turns (text, tool calls) and hidden content (tool output, thinking). */
type Line =
  | { readonly kind: "prompt" | "reply" | "tool-call" | "tool-output" | "thinking"; readonly text: string }
  | { readonly kind: "malformed" }

const lineJson = (line: Line): string => {
  if (line.kind === "malformed") return `{"type":"user","message":`
  const content = {
    prompt: line.text,
    reply: [{ type: "text", text: line.text }],
    "tool-call": [{ type: "tool_use", id: "toolu_1", name: "Bash", input: { command: line.text } }],
    "tool-output": [{ type: "tool_result", tool_use_id: "toolu_1", content: line.text }],
    thinking: [{ type: "thinking", thinking: line.text }],
  }[line.kind]
  const type = line.kind === "prompt" || line.kind === "tool-output" ? "user" : "assistant"
  return JSON.stringify({ type, message: { role: type, content }, sessionId: "s", timestamp: "2026-11-14T09:00:00.000Z" })
}

/** Builds an index of these transcripts exactly as a refresh does. */
const buildIndex = (sessions: ReadonlyArray<{ readonly id: string; readonly title: string; readonly lines: ReadonlyArray<Line> }>) => {
  const paths = sessions.map((session) => join(dir, `${session.id}.jsonl`))
  sessions.forEach((session, index) => writeFileSync(paths[index] ?? "", session.lines.map(lineJson).join("\n") + "\n"))
  writeSearchIndex(searchIndexPath(dir), (append): SearchIndex => {
    let position = 0
    return {
      builtBy: "test",
      newestEventId: null,
      eventCount: 0,
      sessions: sessions.map((session, index) => {
        const path = paths[index] ?? ""
        const row = view(session.id, session.title)
        const start = position
        const viewEnd = append(Buffer.from(JSON.stringify(row)))
        position = append(searchTextOf(path) ?? Buffer.alloc(0))
        const { size, mtimeMs } = statSync(path)
        return { view: [start, viewEnd] as const, metadata: metadataOf(row), transcript: { path, size, mtimeMs }, text: [viewEnd, position] as const }
      }),
    }
  })
  return paths
}

/**
 * The same question answered the slow, obvious way: read each conversation as the viewer shows
 * it; a session matches when every whitespace-separated word is in one of its turns (any turn),
 * and the snippet is the first word's first matching turn.
 */
const naiveHits = (paths: ReadonlyArray<string>, ids: ReadonlyArray<string>, query: string) =>
  paths.flatMap((path, index) => {
    const turns = readConversation(path, Number.POSITIVE_INFINITY)
    const holds = (term: string) => (candidate: { readonly text: string }) =>
      isCaseSensitive(term) ? candidate.text.includes(term) : candidate.text.toLowerCase().includes(term)
    const [first, ...others] = query.split(/\s+/).filter((word) => word !== "")
    if (first === undefined) return []
    const turn = turns.find(holds(first))
    return turn === undefined || !others.every((term) => turns.some(holds(term))) ? [] : [{ id: ids[index], snippet: snippetAround(turn.text, first) }]
  })

describe("search index", () => {
  it(`finds exactly what the viewer shows, in any case rule, never in tool output or thinking (seed=${seed})`, async () => {
    console.log(`index-query seed=${seed} (replay with PROPERTY_SEED=${seed})`)
    // Few letters, digits, tabs and colons: terms often collide with block headers and case variants.
    const word = fc.stringMatching(/^[aAbB1:\t]{1,4}$/)
    const text = fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(" "))
    const line: fc.Arbitrary<Line> = fc.oneof(
      fc.record({ kind: fc.constantFrom("prompt", "reply", "tool-call", "tool-output", "thinking"), text }),
      fc.constant({ kind: "malformed" } as const),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(line, { maxLength: 6 }), { minLength: 1, maxLength: 5 }), text, async (transcripts, term) => {
        rmSync(dir, { recursive: true, force: true })
        dir = mkdtempSync(join(tmpdir(), "csl-search-"))
        const sessions = transcripts.map((lines, index) => ({ id: `session-${index}`, title: "untitled", lines }))
        const paths = buildIndex(sessions)
        const loaded = await loadSearchIndex(searchIndexPath(dir))
        if (loaded === undefined) throw new Error("index not readable")
        const found = contentHits(loaded, term, Number.POSITIVE_INFINITY).map((hit) => ({ id: hit.session_id, snippet: hit.matching_line?.text }))
        expect(found).toEqual(naiveHits(paths, sessions.map((session) => session.id), term))
      }),
      { seed, numRuns: 150 },
    )
  })

  it("lists title matches first, then conversation matches; reads a transcript again when it grew, skips it when it is gone", async () => {
    const paths = buildIndex([
      { id: "a", title: "Fix the flaky login test", lines: [{ kind: "prompt", text: "make it pass" }] },
      { id: "b", title: "Cart", lines: [{ kind: "reply", text: "The flaky login test waits for a timer." }] },
      { id: "c", title: "Docs", lines: [{ kind: "tool-output", text: "flaky login test FAILED" }] },
      { id: "d", title: "Gone", lines: [{ kind: "prompt", text: "flaky login test again" }] },
    ])
    appendFileSync(paths[2] ?? "", `${lineJson({ kind: "prompt", text: "why is the Flaky Login Test red?" })}\n`)
    rmSync(paths[3] ?? "")
    const loaded = await loadSearchIndex(searchIndexPath(dir))
    if (loaded === undefined) throw new Error("index not readable")
    const hits = searchSessions(loaded, "flaky login test", { content: true, limit: 20 })
    expect(hits.map((hit) => [hit.session_id, hit.matching_line?.line_number])).toEqual([["a", undefined], ["b", 1], ["c", 2]])
    expect(hits[2]?.matching_line?.text).toBe("why is the Flaky Login Test red?")
    expect(searchSessions(loaded, "flaky login test", { content: true, limit: 2 }).map((hit) => hit.session_id)).toEqual(["a", "b"])
    expect(searchSessions(loaded, "flaky login test", { content: false, limit: 20 }).map((hit) => hit.session_id)).toEqual(["a"])
  })

  it("several words match a session holding all of them, in any order and line; a quoted phrase only as written", async () => {
    buildIndex([
      { id: "both", title: "t", lines: [{ kind: "prompt", text: "the checkout fails" }, { kind: "reply", text: "a timeout in stripe" }] },
      { id: "half", title: "t", lines: [{ kind: "prompt", text: "the checkout is slow" }] },
      { id: "other-half", title: "t", lines: [{ kind: "reply", text: "stripe is down" }] },
      { id: "phrase", title: "t", lines: [{ kind: "prompt", text: "stripe checkout" }] },
    ])
    const loaded = await loadSearchIndex(searchIndexPath(dir))
    if (loaded === undefined) throw new Error("index not readable")
    const ids = (query: string) => contentHits(loaded, query, 20).map((hit) => hit.session_id)
    expect(ids("stripe checkout")).toEqual(["both", "phrase"])
    expect(ids(`"stripe checkout"`)).toEqual(["phrase"])
    expect(ids(`"checkout fails" stripe`)).toEqual(["both"])
    expect(contentHits(loaded, "stripe checkout", 20)[0]?.matching_line).toEqual({ line_number: 2, text: "a timeout in stripe" })
  })

  it("is unreadable, not wrong, when the file is cut short or of another layout", async () => {
    buildIndex([{ id: "a", title: "t", lines: [{ kind: "prompt", text: "hello" }] }])
    const path = searchIndexPath(dir)
    writeFileSync(path, "csl-idx0 something else entirely")
    expect(await loadSearchIndex(path)).toBeUndefined()
    expect(await loadSearchIndex(join(dir, "missing.bin"))).toBeUndefined()
  })
})
