import { NextResponse } from "next/server";
import { DATABASE_RETRY_AFTER_SECONDS } from "./database-unavailable";

/**
 * The page proxy.ts answers while this instance knows its database is down: 503 (so load balancers,
 * monitors and crawlers see an outage, not a broken page), both languages (the language cookie's
 * catalogue is not worth a lookup here), and a refresh after Retry-After so a person waiting on it
 * gets the real page back by itself. No script: nothing the page's CSP would have to allow.
 */
export function databaseUnavailablePage(method: string): NextResponse {
  const html = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${DATABASE_RETRY_AFTER_SECONDS}">
<title>数据库暂时不可用 · Database unavailable</title>
<style>
body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.6;color:#1f2937}
</style>
</head>
<body>
<main role="alert">
<h1>数据库暂时不可用</h1>
<p>数据库暂时不可用，请稍后再试。页面将在 ${DATABASE_RETRY_AFTER_SECONDS} 秒后自动重试。</p>
<h2 lang="en">The database is unavailable</h2>
<p lang="en">The database is temporarily unavailable; please try again shortly.
This page retries by itself in ${DATABASE_RETRY_AFTER_SECONDS} seconds.</p>
<p><a href="">重试 / Try again</a></p>
</main>
</body>
</html>
`;
  return new NextResponse(method === "HEAD" ? null : html, {
    status: 503,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS),
      "Cache-Control": "no-store",
    },
  });
}
