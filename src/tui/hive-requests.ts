import type { HiveActions } from "./hive-actions.js"
import type { HiveReply, HiveRequest } from "./hive-transition.js"

/** The first line of what went wrong: the app shows one line, never a stack. */
const oneLine = (error: unknown): string => {
  const text = error instanceof Error ? error.message : String(error)
  return text.split("\n").find((line) => line.trim() !== "")?.trim() ?? "failed for an unknown reason"
}

const replyTo = async (actions: HiveActions, request: HiveRequest): Promise<HiveReply> => {
  switch (request.kind) {
    case "load-files":
      return { kind: "files", files: await actions.publishableFiles() }
    case "publish":
      return { kind: "published", outcome: await actions.publish(request.fileIds, request.allowedSecrets) }
    case "load-subscriptions":
      return { kind: "subscriptions", subscriptions: await actions.subscriptions() }
    case "fetch-projects":
      return { kind: "projects", projects: await actions.projectsAt(request.url) }
    case "subscribe":
      return { kind: "lines", lines: await actions.subscribe(request.url, request.projects) }
    case "unsubscribe":
      return { kind: "lines", lines: await actions.unsubscribe(request.url) }
    case "sync":
      return { kind: "lines", lines: await actions.sync() }
  }
}

/** Asks the hive; whatever fails (a dead URL, an unreachable remote, a bug) comes back as a `failed` reply. */
export const runHiveRequest = (actions: HiveActions, request: HiveRequest): Promise<HiveReply> =>
  replyTo(actions, request).catch((error: unknown) => ({ kind: "failed", message: oneLine(error) }))
