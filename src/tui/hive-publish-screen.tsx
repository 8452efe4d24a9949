import { Box, Text } from "ink"
import { fitToWidth } from "../terminal/display-width.js"
import { printableLine } from "../terminal/printable-text.js"
import type { HiveFile } from "./hive-actions.js"
import { HiveList } from "./hive-list.js"
import { type PublishScreen, publishRows } from "./hive-publish-model.js"

/** Where a file stands: shared now, or what the next apply does to it. */
const standing = (file: HiveFile, chosen: boolean) =>
  file.published ? (chosen ? "shared" : "stops being shared on apply") : chosen ? "goes out on apply" : ""

const FileRow = ({ file, chosen, nameWidth }: { readonly file: HiveFile; readonly chosen: boolean; readonly nameWidth: number }) => (
  <Text>
    {chosen ? <Text color="green">[x]</Text> : "[ ]"} {fitToWidth(printableLine(file.name), nameWidth)}
    {file.secret === undefined ? "" : <Text color="yellow"> ⚠ secret? {printableLine(file.secret)}</Text>}
    <Text dimColor> {standing(file, chosen)}</Text>
  </Text>
)

/** The memory files by project, each with its toggle; after an apply, what went out and the URL to share. */
export const PublishView = ({ screen, width, listHeight }: { readonly screen: PublishScreen; readonly width: number; readonly listHeight: number }) => {
  if (screen.outcome !== undefined) {
    return (
      <Box flexDirection="column">
        {screen.outcome.lines.slice(0, Math.max(1, listHeight - 3)).map((line, index) => <Text key={index} wrap="truncate-end">{printableLine(line)}</Text>)}
        <Text> </Text>
        <Text>Give this URL to a teammate (claude-hive → Subscribe):</Text>
        <Text bold color="cyan">{printableLine(screen.outcome.url)}</Text>
      </Box>
    )
  }
  if (screen.files === undefined) return null
  if (screen.files.length === 0) return <Text>No memory files on this machine yet: Claude writes them under ~/.claude/projects/&lt;project&gt;/memory/.</Text>
  const rows = publishRows(screen.files)
  const nameWidth = Math.min(40, Math.max(16, width - 50))
  return (
    <HiveList
      cursorRow={rows.findIndex((row) => row.kind === "file" && row.index === screen.cursor)}
      visible={listHeight}
      rows={rows.map((row) =>
        row.kind === "project"
          ? { key: `project ${row.project}`, selectable: false, content: <Text bold>{printableLine(row.project)}</Text> }
          : { key: row.file.id, selectable: true, content: <FileRow file={row.file} chosen={screen.chosen.has(row.file.id)} nameWidth={nameWidth} /> }
      )}
    />
  )
}
