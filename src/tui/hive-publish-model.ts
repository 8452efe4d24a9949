import type { HiveFile, PublishOutcome } from "./hive-actions.js"
import { type HiveKey, type HiveReply, isLeave, movedCursor, toggled, type Transition } from "./hive-transition.js"

/** The Publish view: the memory files by project, the ones chosen to be shared, and what the last apply did. */
export interface PublishScreen {
  readonly view: "publish"
  /** Undefined until loaded; grouped by project, then by name. */
  readonly files: ReadonlyArray<HiveFile> | undefined
  readonly chosen: ReadonlySet<string>
  /** Secret-looking files the user said `y` to here: only these go out despite the look. */
  readonly confirmed: ReadonlySet<string>
  readonly cursor: number
  /** The secret-looking file waiting for `y` before it may be chosen. */
  readonly confirming: string | undefined
  readonly outcome: PublishOutcome | undefined
}

export type PublishRow = { readonly kind: "project"; readonly project: string } | { readonly kind: "file"; readonly file: HiveFile; readonly index: number }

export const openPublish = (): Transition<PublishScreen> => ({
  screen: { view: "publish", files: undefined, chosen: new Set(), confirmed: new Set(), cursor: 0, confirming: undefined, outcome: undefined },
  request: { kind: "load-files" },
})

const byProjectThenName = (files: ReadonlyArray<HiveFile>) =>
  [...files].sort((a, b) => a.project.localeCompare(b.project) || a.name.localeCompare(b.name, undefined, { numeric: true }))

/** The list as drawn: a heading row before each project's files. */
export const publishRows = (files: ReadonlyArray<HiveFile>): ReadonlyArray<PublishRow> =>
  files.flatMap((file, index) =>
    files[index - 1]?.project === file.project ? [{ kind: "file", file, index }] : [{ kind: "project", project: file.project }, { kind: "file", file, index }]
  )

/**
 * Space on a secret-looking file asks first: sharing it is what the marker warns against. One
 * already published stays chosen, but its new version goes out only once confirmed here.
 */
const toggle = (screen: PublishScreen, file: HiveFile): Transition<PublishScreen> =>
  file.secret !== undefined && !screen.chosen.has(file.id)
    ? {
      screen: { ...screen, confirming: file.id },
      notice: { tone: "warning", text: `⚠ ${file.name} seems to hold a secret (${file.secret}): press y to share it anyway, any other key to keep it private` },
    }
    : { screen: { ...screen, chosen: toggled(screen.chosen, file.id) } }

export const publishKey = (screen: PublishScreen, key: HiveKey): Transition<PublishScreen> | "leave" => {
  if (screen.confirming !== undefined) {
    const { confirming } = screen
    return key.input === "y"
      ? { screen: { ...screen, chosen: new Set([...screen.chosen, confirming]), confirmed: new Set([...screen.confirmed, confirming]), confirming: undefined } }
      : { screen: { ...screen, confirming: undefined } }
  }
  if (isLeave(key)) return "leave"
  if (screen.outcome !== undefined) return key.name === "enter" ? openPublish() : { screen }
  const files = screen.files ?? []
  const highlighted = files[screen.cursor]
  if (key.input === " " && highlighted !== undefined) return toggle(screen, highlighted)
  if (key.input === "a" && screen.files !== undefined) {
    const fileIds = files.filter((file) => screen.chosen.has(file.id)).map((file) => file.id)
    return { screen, request: { kind: "publish", fileIds, allowedSecrets: fileIds.filter((id) => screen.confirmed.has(id)) } }
  }
  return { screen: { ...screen, cursor: movedCursor(screen.cursor, key, files.length) } }
}

export const publishReply = (screen: PublishScreen, reply: HiveReply): PublishScreen => {
  if (reply.kind === "files") {
    const files = byProjectThenName(reply.files)
    return { ...screen, files, chosen: new Set(files.filter((file) => file.published).map((file) => file.id)), cursor: 0 }
  }
  return reply.kind === "published" ? { ...screen, outcome: reply.outcome } : screen
}

export const publishFooter = (screen: PublishScreen): string =>
  screen.outcome !== undefined
    ? "Enter back to the files · q back"
    : "↑↓ move · Space share/keep private · a apply · q back"
