/**
 * Chart colours: the workspace's --brand, --accent and --ok of app/globals.css (SVG fills and strokes
 * cannot rely on CSS variables everywhere), and a light grey for the year-earlier line.
 */
export const chartColors = { brand: "#0b5cad", accent: "#d9480f", ok: "#2b8a3e", past: "#868e96" } as const;
