// A static file server for dist/ on loopback, the way a static host serves the site: from any
// sub-path (base), with gzip when asked, and Framework's 404.html for missing files.
import {createServer, type Server} from "node:http";
import {existsSync, readFileSync, statSync} from "node:fs";
import {extname, join, normalize} from "node:path";
import {gzipSync} from "node:zlib";
import type {AddressInfo} from "node:net";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".csv": "text/csv; charset=utf-8",
  ".json": "application/json", ".svg": "image/svg+xml", ".png": "image/png", ".woff2": "font/woff2", ".txt": "text/plain; charset=utf-8", ".ico": "image/x-icon"
};

export interface StaticServer { url: string; close(): Promise<void>; server: Server }

export async function serve(dir = process.env.LEDGER_DIST ?? "dist", {base = "/", gzip = false} = {}): Promise<StaticServer> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    let path = decodeURIComponent(url.pathname);
    if (!path.startsWith(base)) return notFound(res, dir);
    path = "/" + path.slice(base.length);
    let file = normalize(join(dir, path));
    if (!file.startsWith(normalize(dir))) return notFound(res, dir);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file) && existsSync(file + ".html")) file += ".html";
    if (!existsSync(file)) return notFound(res, dir);
    send(res, readFileSync(file), TYPES[extname(file)] ?? "application/octet-stream", 200, gzip && /gzip/.test(String(req.headers["accept-encoding"])));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const {port} = server.address() as AddressInfo;
  return {server, url: `http://127.0.0.1:${port}${base}`, close: () => new Promise((resolve) => server.close(() => resolve()))};
}

function send(res: import("node:http").ServerResponse, body: Buffer, type: string, status: number, gzip: boolean) {
  const headers: Record<string, string> = {"content-type": type, "cache-control": "no-cache"};
  if (gzip && /text|javascript|json|svg|csv/.test(type)) {
    body = gzipSync(body);
    headers["content-encoding"] = "gzip";
  }
  res.writeHead(status, headers).end(body);
}

function notFound(res: import("node:http").ServerResponse, dir: string) {
  const page = join(dir, "404.html");
  send(res, existsSync(page) ? readFileSync(page) : Buffer.from("not found"), "text/html; charset=utf-8", 404, false);
}
