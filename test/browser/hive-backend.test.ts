import { Effect, Layer } from "effect"
import { homedir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { createHiveBackend, syncLines } from "../../src/browser/hive-backend.js"
import { HiveSyncBusy } from "../../src/hive/hive-errors.js"
import type { HiveApi, HiveFileRef, HiveSyncResult, PublishableFile } from "../../src/hive/hive-api.js"
import { Hive } from "../../src/hive/hive-service.js"

const nothing: HiveSyncResult = { written: [], removed: [], overwritten: [], entryEventsPulled: 0, published: 0, refused: [], unreachable: [] }

describe("the Refresh view's lines", () => {
  it("given a sync that did nothing, then it says everything is up to date", () => {
    expect(syncLines(nothing)).toEqual(["everything is up to date"])
  })

  it("given a sync that did things, then one line each, paths under the home as ~/…", () => {
    const copy = join(homedir(), ".claude", "hive", "shop", "testing.md")
    expect(syncLines({
      ...nothing,
      written: [copy],
      removed: ["/elsewhere/old.md"],
      overwritten: [copy],
      entryEventsPulled: 3,
      refused: [{ projectKey: "shop", name: "aws.md", reason: "looks like it holds a secret (AWS access key)" }],
      unreachable: [{ url: "md:_share/claude_hive/0b0b", reason: "no MotherDuck token" }],
    })).toEqual([
      "wrote ~/.claude/hive/shop/testing.md",
      "removed /elsewhere/old.md",
      "pulled 3 entry event(s) of hive projects",
      "overwrote your edit of ~/.claude/hive/shop/testing.md: hive files are read-only copies",
      "not republished: shop/aws.md: looks like it holds a secret (AWS access key)",
      "unreachable: md:_share/claude_hive/0b0b: no MotherDuck token",
    ])
  })
})

const localFile = (projectKey: string, name: string, extra: Partial<PublishableFile> = {}): PublishableFile => ({
  projectKey,
  name,
  path: `/home/alice/.claude/projects/x/memory/${name}`,
  bytes: 10,
  published: false,
  changedSincePublished: false,
  secretKind: null,
  ...extra,
})

const names = (refs: ReadonlyArray<HiveFileRef>) => refs.map((ref) => `${ref.projectKey}/${ref.name}`)

/** A hive that writes down what it was asked; `overrides` replace its answers. */
const fakeHive = (files: ReadonlyArray<PublishableFile>, overrides: Partial<HiveApi> = {}) => {
  const asked: Array<string> = []
  const url = "/srv/hives/alice.duckdb"
  const api: HiveApi = {
    publishableFiles: Effect.succeed(files),
    publish: (refs, options) =>
      Effect.sync(() => (asked.push(`publish ${names(refs).join(",")} allow ${options.allow.join(",")}`), {
        url,
        unreachable: null,
        published: refs.filter((ref) => !ref.name.startsWith("aws") || options.allow.length > 0),
        unchanged: [],
        refused: refs.filter((ref) => ref.name.startsWith("aws") && options.allow.length === 0).map((ref) => ({ ...ref, reason: "looks like it holds a secret" })),
      })),
    unpublish: (refs) => Effect.sync(() => (asked.push(`unpublish ${names(refs).join(",")}`), { url, unreachable: null, unpublished: refs, notPublished: [] })),
    url: Effect.succeed(url),
    projectsAt: () => Effect.succeed([]),
    subscribe: (hiveUrl, projects) => Effect.sync(() => (asked.push(`subscribe ${hiveUrl}`), { url: hiveUrl, projects, lastSyncAt: null, lastError: null, files: 0 })),
    unsubscribe: () => Effect.succeed([]),
    subscriptions: Effect.succeed([]),
    sync: Effect.succeed(nothing),
    ...overrides,
  }
  return { backend: createHiveBackend(Layer.succeed(Hive, Hive.make(api))), asked }
}

describe("the claude-hive app's backend", () => {
  const files = [
    localFile("shop", "testing.md", { published: true }),
    localFile("shop", "style.md", { published: true }),
    localFile("shop", "aws.md", { secretKind: "AWS access key" }),
    localFile("blog", "drafts.md"),
  ]
  const idOf = async (backend: ReturnType<typeof fakeHive>["backend"], name: string) =>
    (await backend.publishableFiles()).find((file) => file.name === name)?.id ?? ""

  it("given files ticked and unticked, when applied, then exactly the ticked ones are published and the unticked published one unpublished", async () => {
    const { backend, asked } = fakeHive(files)
    const outcome = await backend.publish([await idOf(backend, "testing.md"), await idOf(backend, "drafts.md")], [])
    expect(asked).toEqual(["publish shop/testing.md,blog/drafts.md allow ", "unpublish shop/style.md"])
    expect(outcome).toEqual({ lines: ["published shop/testing.md", "published blog/drafts.md", "unpublished shop/style.md"], url: "/srv/hives/alice.duckdb" })
  })

  it("given a secret-looking file, then it is allowed only when the app confirmed it", async () => {
    const { backend, asked } = fakeHive(files)
    const aws = await idOf(backend, "aws.md")
    expect((await backend.publish([aws], [])).lines).toContain("refused: shop/aws.md: looks like it holds a secret")
    await backend.publish([aws], [aws])
    expect(asked.filter((line) => line.startsWith("publish"))).toEqual(["publish shop/aws.md allow ", "publish shop/aws.md allow shop/aws.md"])
  })

  it("given a subscribe whose fetch fails, then the subscription is kept and the failure is a line, not an error", async () => {
    const { backend, asked } = fakeHive(files, { sync: Effect.fail(new HiveSyncBusy()) })
    expect(await backend.subscribe("/srv/hives/bob.duckdb", "all")).toEqual([
      "subscribed to /srv/hives/bob.duckdb: every project, and those added later",
      "not fetched yet (another hive sync of this data dir is running): Refresh tries again",
    ])
    expect(asked).toEqual(["subscribe /srv/hives/bob.duckdb"])
    await expect(backend.sync()).rejects.toThrow("another hive sync of this data dir is running")
  })
})
