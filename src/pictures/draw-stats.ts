// The /stats picture as SVG, drawn by ECharts on the server (no browser, no canvas): a year of
// study days as a calendar heatmap, the due forecast as bars, true retention per week as a line.
import * as echarts from "echarts";
import type { StatsPicture } from "../core/views/picture.ts";
import { COLOURS, FONT_FAMILY, TEXT, WIDTH } from "./picture-style.ts";

export const STATS_HEIGHT = 620;
/** Where the heatmap's cells are: tests count its coloured days inside this box. */
export const HEATMAP_BOX = { left: 70, top: 110, cell: 16, weeks: 54, days: 7 } as const;

/** Each day's colour level, 1 to 4, relative to the busiest day. */
function level(reviews: number, max: number): number {
  return Math.min(4, Math.max(1, Math.ceil((4 * reviews) / max)));
}

export function drawStats(p: StatsPicture): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: WIDTH, height: STATS_HEIGHT });
  const max = Math.max(1, ...p.days.map((d) => d.reviews));
  const legendX = HEATMAP_BOX.left + HEATMAP_BOX.weeks * HEATMAP_BOX.cell - 5 * 18 - 60;
  const legendY = HEATMAP_BOX.top + HEATMAP_BOX.days * HEATMAP_BOX.cell + 14;
  const retention = p.retention.map((w) => (w.percent === null ? "-" : w.percent));
  const lowest = Math.min(100, ...p.retention.flatMap((w) => (w.percent === null ? [] : [w.percent])));
  chart.setOption({
    animation: false,
    backgroundColor: COLOURS.background,
    textStyle: TEXT,
    title: [
      { text: p.title, left: 24, top: 14, textStyle: { ...TEXT, fontSize: 24 } },
      { text: p.labels.heatmap, left: 24, top: 56, textStyle: { ...TEXT, fontSize: 15, color: COLOURS.quiet } },
      { text: p.labels.forecast, left: 24, top: 290, textStyle: { ...TEXT, fontSize: 15, color: COLOURS.quiet } },
      { text: p.labels.retention, left: 520, top: 290, textStyle: { ...TEXT, fontSize: 15, color: COLOURS.quiet } },
    ],
    visualMap: {
      show: false,
      type: "piecewise",
      seriesIndex: 0,
      pieces: COLOURS.levels.map((color, i) => ({ value: i + 1, color })),
    },
    calendar: {
      left: HEATMAP_BOX.left,
      top: HEATMAP_BOX.top,
      cellSize: [HEATMAP_BOX.cell, HEATMAP_BOX.cell],
      range: [p.from, p.to],
      splitLine: { show: false },
      itemStyle: { color: COLOURS.emptyDay, borderColor: COLOURS.background, borderWidth: 3 },
      yearLabel: { show: false },
      monthLabel: { nameMap: p.labels.months, ...TEXT, fontSize: 12, color: COLOURS.quiet },
      // ECharts counts weekdays from Sunday; the catalog lists them from Monday.
      dayLabel: {
        firstDay: 1,
        nameMap: [p.labels.weekdays[6] ?? "", ...p.labels.weekdays.slice(0, 6)],
        ...TEXT,
        fontSize: 11,
        color: COLOURS.quiet,
      },
    },
    grid: [
      { left: 60, top: 340, width: 420, height: 220 },
      { left: 560, top: 340, width: 400, height: 220 },
    ],
    xAxis: [
      { gridIndex: 0, type: "category", data: p.forecast.map((d) => d.label), axisLabel: { ...TEXT, fontSize: 11, interval: 6 } },
      { gridIndex: 1, type: "category", data: p.retention.map((w) => w.label), axisLabel: { ...TEXT, fontSize: 11, interval: 1 } },
    ],
    yAxis: [
      {
        gridIndex: 0,
        type: "value",
        minInterval: 1,
        axisLabel: { ...TEXT, fontSize: 11 },
        splitLine: { lineStyle: { color: COLOURS.grid } },
      },
      {
        gridIndex: 1,
        type: "value",
        min: Math.max(0, Math.floor(lowest / 10) * 10 - 10),
        max: 100,
        axisLabel: { ...TEXT, fontSize: 11, formatter: "{value}%" },
        splitLine: { lineStyle: { color: COLOURS.grid } },
      },
    ],
    series: [
      {
        type: "heatmap",
        coordinateSystem: "calendar",
        data: p.days.map((d) => [d.day, level(d.reviews, max)]),
        itemStyle: { borderColor: COLOURS.background, borderWidth: 3 },
      },
      { type: "bar", xAxisIndex: 0, yAxisIndex: 0, data: p.forecast.map((d) => d.due), itemStyle: { color: COLOURS.forecast } },
      {
        type: "line",
        xAxisIndex: 1,
        yAxisIndex: 1,
        data: retention,
        connectNulls: false,
        symbol: "circle",
        symbolSize: 8,
        lineStyle: { color: COLOURS.retention, width: 3 },
        itemStyle: { color: COLOURS.retention },
        label: { show: true, position: "top", ...TEXT, fontSize: 10, formatter: "{c}" },
      },
    ],
    graphic: [
      {
        type: "text",
        x: legendX,
        y: legendY,
        style: { text: p.labels.legendFewer, fontFamily: FONT_FAMILY, fontSize: 11, fill: COLOURS.quiet, align: "right" },
      },
      ...[COLOURS.emptyDay, ...COLOURS.levels].map((fill, i) => ({
        type: "rect",
        shape: { x: legendX + 6 + i * 18, y: legendY - 1, width: 13, height: 13 },
        style: { fill },
      })),
      {
        type: "text",
        x: legendX + 6 + 5 * 18 + 2,
        y: legendY,
        style: { text: p.labels.legendMore, fontFamily: FONT_FAMILY, fontSize: 11, fill: COLOURS.quiet },
      },
      ...(p.labels.empty
        ? [
            {
              type: "rect",
              shape: { x: 150, y: 230, width: 700, height: 110, r: 12 },
              style: { fill: "#f6f8fa", stroke: COLOURS.grid, lineWidth: 2 },
              z: 100,
            },
            {
              type: "text",
              x: WIDTH / 2,
              y: 285,
              z: 101,
              style: {
                text: p.labels.empty,
                fontFamily: FONT_FAMILY,
                fontSize: 26,
                fill: COLOURS.text,
                align: "center",
                verticalAlign: "middle",
              },
            },
          ]
        : []),
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
