import type { HiveFile } from "../../src/tui/hive-actions.js"

/** A memory file as the claude-hive app lists it; its id is `project/name`. */
export const hiveFile = (project: string, name: string, extra: Partial<HiveFile> = {}): HiveFile => ({
  id: `${project}/${name}`,
  project,
  name,
  published: false,
  secret: undefined,
  ...extra,
})

/** Two projects: one file published, one secret-looking, one with a wide (CJK and emoji) name. */
export const sampleHiveFiles: ReadonlyArray<HiveFile> = [
  hiveFile("web", "testing.md", { published: true }),
  hiveFile("api", "deploy.md"),
  hiveFile("api", "keys.md", { secret: "AWS access key" }),
  hiveFile("web", "ログイン修正🚀.md"),
]
