import { eventVersions } from "../events/event-versions.js"
import { logEntriesTable } from "../projections/log-entry-rows.js"
import { sqlString } from "../store/sql-fragments.js"

/**
 * Which events a hive holds, as SQL conditions: the only door between a user's store and the
 * hives. A user's hive gets their published memory versions and the entry events of their hive
 * projects; nothing else of the store (sessions, transcripts' traces, subscriptions) ever goes.
 */
const entryTypes = ["EntryLogged", "EntryStatusChanged", "LegacyEntryUpdated"] as const
export const publishedMemoryTypes = ["MemoryPublished", "MemoryUnpublished"] as const

const list = (values: ReadonlyArray<string>) => (values.length === 0 ? "(NULL)" : `(${values.map(sqlString).join(", ")})`)

/**
 * A condition over the local `events e`: what `publisher`'s own hive must hold, given their hive
 * projects. Only their own publications: a teammate's arrive through a shared remote too.
 */
export const ownHiveEventsWhere = (publisher: string, hiveProjects: ReadonlyArray<string>): string =>
  `((e.type IN ${list(publishedMemoryTypes)} AND e.actor = ${sqlString(publisher)})
    OR (e.type IN ${list(entryTypes)} AND e.entity_id IN (SELECT id FROM ${logEntriesTable} WHERE project IN ${list(hiveProjects)})))`

/** Projects to take from a hive: a list, or null for every one it offers. */
const projectCondition = (column: string, projects: ReadonlyArray<string> | null) =>
  projects === null ? "true" : `${column} IN ${list(projects)}`

/**
 * A condition over a subscribed hive's row `r`: the entry events of the subscribed projects.
 * A status change names no project, so its entry's EntryLogged (in any seq range) decides.
 */
export const subscribedEntryEventsWhere = (catalog: string, projects: ReadonlyArray<string> | null): string =>
  `r.type IN ${list(entryTypes)} AND r.entity_id IN (
    SELECT entity_id FROM ${catalog}.events WHERE type = 'EntryLogged'
      AND ${projectCondition("json_extract_string(payload, '$.project')", projects)})`

/**
 * The newest readable published-memory event per file among a hive's rows with `seq` in
 * ($1, $2], of the subscribed projects, as `hive_files` rows for `url`. Newer payload versions
 * are left for an upgraded client.
 */
export const publishedMemorySql = (catalog: string, url: string, projects: ReadonlyArray<string> | null): string =>
  `SELECT ${sqlString(url)} AS url, entity_id, id AS event_id,
     json_extract_string(payload, '$.projectKey') AS project_key, json_extract_string(payload, '$.name') AS name,
     CASE WHEN type = 'MemoryPublished' THEN json_extract_string(payload, '$.sha256') END AS sha256,
     CASE WHEN type = 'MemoryPublished' THEN json_extract_string(payload, '$.content') END AS content, actor
   FROM ${catalog}.events
   WHERE seq > $1 AND seq <= $2
     AND ((type = 'MemoryPublished' AND version <= ${eventVersions.MemoryPublished})
       OR (type = 'MemoryUnpublished' AND version <= ${eventVersions.MemoryUnpublished}))
     AND ${projectCondition("json_extract_string(payload, '$.projectKey')", projects)}
   QUALIFY row_number() OVER (PARTITION BY entity_id ORDER BY id DESC) = 1`
