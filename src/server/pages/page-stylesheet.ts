import type { FastifyInstance } from "fastify";

/** Where the portal's page stylesheet is served (the app's CSP allows styles from the portal itself only). */
export const PAGE_STYLESHEET_PATH = "/pages/page.css";

/** The stylesheet of the pages the server renders itself (page-shell.ts): the portal's colours, readable on a phone. */
export const PAGE_STYLESHEET = `
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1c2530;background:#f5f6f8;line-height:1.5}
header{background:#13254a;color:#fff;padding:.75rem 1.5rem}
.brand{margin:0;font:700 1.5rem Georgia,serif}
main{max-width:48rem;margin:2rem auto;padding:1.5rem;background:#fff;border:1px solid #dde1e6;border-radius:.5rem}
h1,h2{color:#13254a;line-height:1.25}
hr{border:0;border-top:1px solid #dde1e6;margin:2rem 0}
a{color:#1d4f91}
dl{display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:.25rem 1rem}
dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%}caption{text-align:left;font-weight:600;margin:.5rem 0}
th,td{border-bottom:1px solid #dde1e6;padding:.35rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
@media (max-width:40rem){main{margin:0;border-radius:0;border-width:0}dl{grid-template-columns:1fr}}
`;

/** Serves the page stylesheet, cached for a day. */
export async function pageStylesheetRoutes(app: FastifyInstance) {
  app.get(PAGE_STYLESHEET_PATH, { schema: { hide: true } }, async (_req, reply) =>
    reply
      .type("text/css; charset=utf-8")
      .header("cache-control", "public, max-age=86400")
      .send(PAGE_STYLESHEET),
  );
}
