// The leaderboard picture as SVG, drawn by ECharts: the top ten as horizontal bars, each with its
// rank, a round badge with the person's initials (no avatar is fetched), name and figure; the
// asker's row in a second colour, and their own line under the board.
import * as echarts from "echarts";
import type { BoardPicture } from "../core/views/picture.ts";
import { COLOURS, FONT_FAMILY, TEXT, WIDTH } from "./picture-style.ts";

const ROW = 44;
const TOP = 96;
const BADGES = ["#4292c6", "#e08214", "#8073ac", "#2171b5", "#b35806", "#542788"];

function badgeColour(name: string): string {
  let h = 0;
  for (const ch of name) h = (h * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return BADGES[h % BADGES.length] ?? "#4292c6";
}

export function boardHeight(p: BoardPicture): number {
  return TOP + Math.max(3, p.rows.length) * ROW + 80;
}

export function drawBoard(p: BoardPicture): string {
  const height = boardHeight(p);
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: WIDTH, height });
  const rows = [...p.rows].reverse();
  const gridTop = TOP;
  const gridHeight = Math.max(3, p.rows.length) * ROW;
  chart.setOption({
    animation: false,
    backgroundColor: COLOURS.background,
    textStyle: TEXT,
    title: [
      { text: p.title, left: 24, top: 14, textStyle: { ...TEXT, fontSize: 24 } },
      { text: p.subtitle, left: 24, top: 54, textStyle: { ...TEXT, fontSize: 15, color: COLOURS.quiet } },
    ],
    grid: { left: 380, right: 150, top: gridTop, height: gridHeight },
    xAxis: { type: "value", show: false, max: Math.max(1, ...p.rows.map((r) => r.amount)) },
    yAxis: { type: "category", data: rows.map((r) => r.name), show: false },
    series: [
      {
        type: "bar",
        barWidth: 26,
        data: rows.map((r) => ({ value: r.amount, itemStyle: { color: r.self ? COLOURS.self : COLOURS.levels[1], borderRadius: 4 } })),
        label: {
          show: true,
          position: "right",
          ...TEXT,
          fontSize: 15,
          formatter: (x: { dataIndex: number }) => rows[x.dataIndex]?.value ?? "",
        },
      },
    ],
    graphic: [
      ...p.rows.flatMap((r, i) => {
        const y =
          gridTop +
          gridHeight -
          (p.rows.length - i) * (gridHeight / Math.max(1, p.rows.length)) +
          gridHeight / Math.max(1, p.rows.length) / 2;
        const rowY = p.rows.length === 0 ? 0 : y;
        return [
          {
            type: "text",
            x: 60,
            y: rowY,
            style: {
              text: `${r.rank}`,
              fontFamily: FONT_FAMILY,
              fontSize: 18,
              fill: COLOURS.text,
              align: "right",
              verticalAlign: "middle",
            },
          },
          { type: "circle", shape: { cx: 95, cy: rowY, r: 17 }, style: { fill: badgeColour(r.userId) } },
          {
            type: "text",
            x: 95,
            y: rowY,
            style: { text: r.initials, fontFamily: FONT_FAMILY, fontSize: 14, fill: "#ffffff", align: "center", verticalAlign: "middle" },
          },
          {
            type: "text",
            x: 125,
            y: rowY,
            style: {
              text: r.name.length > 22 ? `${r.name.slice(0, 21)}…` : r.name,
              fontFamily: FONT_FAMILY,
              fontSize: 16,
              fill: COLOURS.text,
              verticalAlign: "middle",
            },
          },
        ];
      }),
      { type: "text", x: 24, y: height - 50, style: { text: p.own, fontFamily: FONT_FAMILY, fontSize: 16, fill: COLOURS.text } },
      ...(p.empty && p.rows.length === 0
        ? [
            {
              type: "text",
              x: WIDTH / 2,
              y: gridTop + gridHeight / 2,
              style: {
                text: p.empty,
                fontFamily: FONT_FAMILY,
                fontSize: 22,
                fill: COLOURS.quiet,
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
