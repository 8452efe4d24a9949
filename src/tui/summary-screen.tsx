import { Box, Text, useInput } from "ink"
import { useEffect, useState } from "react"
import { modelFamily } from "../sessions/model-family.js"
import type { Period, UsageRow } from "../sessions/usage-summary.js"
import { humanCount, humanUsd } from "../snapshot/banner-text.js"
import { printableLine } from "../terminal/printable-text.js"
import type { BrowserActions, SummaryData } from "./browser-model.js"
import { type ChartColumn, columnChart, valueRowsNeeded } from "./column-chart-layout.js"
import { compactCount, compactUsd } from "./compact-value.js"
import { familyStyles, orderFamilies } from "./family-style.js"
import { Painted } from "./painted.js"
import { type Breakdown, Breakdowns, breakdownsHeight, sideBySideFrom } from "./summary-breakdowns.js"

type Metric = "tokens" | "cost"
const periodName: Record<Period, string> = { h: "hour", d: "day", m: "month" }
const monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
/** Fewer rows than this and the chart says too little: the breakdowns move behind a key. */
const minBarHeight = 8
const projectsShown = 8

const valueOf = (row: { readonly total_tokens: number; readonly cost_usd: number }, metric: Metric) =>
  metric === "cost" ? row.cost_usd : row.total_tokens

/** "2026-11-20T09" → "09", "2026-11-20" → "20", "2026-11" → "Nov". */
const axisLabel = (bucket: string, period: Period) =>
  period === "h" ? bucket.slice(11, 13) : period === "d" ? bucket.slice(8, 10) : monthNames[Number(bucket.slice(5, 7)) - 1] ?? bucket

/** Per bucket (empty ones too), each family's value, stacked in the legend's order. */
const chartColumns = (data: SummaryData, period: Period, metric: Metric, families: ReadonlyArray<string>): ReadonlyArray<ChartColumn> =>
  data.buckets.map((bucket) => {
    const rows = data.rows.filter((row) => row.period === bucket)
    return {
      axisLabel: axisLabel(bucket, period),
      segments: families.map((family) => ({
        family,
        value: rows.filter((row) => modelFamily(row.model) === family).reduce((sum, row) => sum + valueOf(row, metric), 0),
      })).filter((segment) => segment.value > 0),
    }
  })

const sumOf = (rows: ReadonlyArray<UsageRow>, value: (row: UsageRow) => number) => rows.reduce((sum, row) => sum + value(row), 0)

export const SummaryScreen = ({ actions, width, height, colour, onBack }: {
  readonly actions: Pick<BrowserActions, "loadSummary">
  readonly width: number
  readonly height: number
  readonly colour: boolean
  readonly onBack: () => void
}) => {
  const [period, setPeriod] = useState<Period>("d")
  const [metric, setMetric] = useState<Metric>("tokens")
  const [data, setData] = useState<SummaryData | undefined>(undefined)
  const [breakdownsOnly, setBreakdownsOnly] = useState(false)

  useEffect(() => {
    let current = true
    setData(undefined)
    actions.loadSummary(period).then((loaded) => current && setData(loaded), () => undefined)
    return () => {
      current = false
    }
  }, [period, actions])

  useInput((input, key) => {
    if (input === "q" || key.escape) return onBack()
    if (input === "t") return setMetric(metric === "tokens" ? "cost" : "tokens")
    if (input === "b") return setBreakdownsOnly(!breakdownsOnly)
    if (input === "h" || input === "d" || input === "m") return setPeriod(input)
  })

  if (data === undefined) return <Text>Loading the summary…</Text>
  const format = (value: number) => (metric === "cost" ? humanUsd(value) : humanCount(value))
  const families = orderFamilies(data.rows.map((row) => modelFamily(row.model)))
  const styles = familyStyles(families, colour)
  const breakdowns: ReadonlyArray<Breakdown> = [
    {
      title: "By project",
      rows: data.byProject.slice(0, projectsShown).map((project) => ({ name: project.project, value: valueOf(project, metric), shown: format(valueOf(project, metric)) })),
    },
    {
      title: "By model",
      rows: families.map((family) => {
        const value = sumOf(data.rows.filter((row) => modelFamily(row.model) === family), (row) => valueOf(row, metric))
        const style = styles.get(family)
        return { name: family, value, shown: format(value), ...(style === undefined ? {} : { style }) }
      }),
    },
    {
      title: "By token component",
      rows: (["input_tokens", "output_tokens", "cache_write_tokens", "cache_read_tokens"] as const).map((field) => {
        const value = sumOf(data.rows, (row) => row[field])
        return { name: field.replace("_tokens", "").replace("_", " "), value, shown: humanCount(value) }
      }),
    },
  ]

  // Everything fits the terminal: the last line stays free, or the terminal scrolls the header away.
  const lines = height - 1
  const belowHeight = breakdownsHeight(breakdowns, width >= sideBySideFrom)
  const columns = chartColumns(data, period, metric, families)
  const chartWidth = width - 1
  const compact = metric === "cost" ? compactUsd : compactCount
  const valueRows = valueRowsNeeded(columns, chartWidth, compact)
  // Header, value rows, axis, legend, key line.
  const chartFrame = 1 + valueRows + 1 + 1 + 1
  const fitsBelow = lines - chartFrame - belowHeight >= minBarHeight
  const barHeight = Math.max(1, lines - chartFrame - (fitsBelow ? belowHeight : 0))
  const chart = columnChart(columns, { width: chartWidth, barHeight, format: compact, glyphOf: (family) => styles.get(family)?.glyph ?? "█" })
  const keys = `t tokens/cost · h hours · d days · m months${fitsBelow ? "" : breakdownsOnly ? " · b chart" : " · b breakdowns"} · q back`
  const total = sumOf(data.rows, (row) => valueOf(row, metric))

  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text bold>Summary</Text> — {metric} by {periodName[period]}, {data.range}{data.rows.length === 0 ? "" : ` · total ${format(total)}`}
      </Text>
      {data.rows.length === 0 ? <Text dimColor>No usage recorded yet.</Text> : null}
      {data.rows.length > 0 && !(breakdownsOnly && !fitsBelow)
        ? (
          <Box flexDirection="column">
            {chart.valueRows.map((row, index) => <Text key={`value-${index}`}>{row}</Text>)}
            {chart.barRows.map((runs, index) => (
              <Text key={`bar-${index}`}>
                {runs.map((run, at) => <Painted key={at} colour={run.family === undefined ? undefined : styles.get(run.family)?.colour}>{run.text}</Painted>)}
              </Text>
            ))}
            <Text dimColor>{chart.axisRow}</Text>
            <Text wrap="truncate-end">
              {families.map((family) => (
                <Painted key={family} colour={styles.get(family)?.colour}>{styles.get(family)?.glyph} {printableLine(family)}{"  "}</Painted>
              ))}
            </Text>
          </Box>
        )
        : null}
      {data.rows.length > 0 && (fitsBelow || breakdownsOnly) ? <Breakdowns breakdowns={breakdowns} width={width} /> : null}
      <Text dimColor>{keys}</Text>
    </Box>
  )
}
