import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';

// For tests: a real nginx ending TLS in front of Tillit, as an IT department runs it
// (docs/deploy.md). Debian's nginx package, a self-signed certificate made by openssl.

export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

/** A port the system is not using now, from its ephemeral range (not the 31xx ports given out by hand). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A self-signed certificate for 127.0.0.1 (in its subjectAltName, as TLS clients check). */
export function makeCertificate(dir: string): { cert: string; key: string; pem: string } {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'pipe' },
  );
  return { cert, key, pem: readFileSync(cert, 'utf8') };
}

export interface ProxyOptions {
  dir: string;
  port: number;
  upstreamPort: number;
  cert: string;
  key: string;
  /** The address nginx connects to Tillit from, so that Tillit sees the proxy apart from the client. */
  bindAddress: string;
}

/** The nginx configuration of docs/deploy.md, with every path in `dir` and the ports given. */
function nginxConfig(o: ProxyOptions): string {
  const path = (name: string) => join(o.dir, name);
  // As root, nginx's workers would otherwise run as `nobody`, who may not write its temp paths here.
  const user = process.getuid?.() === 0 ? 'user root;\n' : '';
  return `${user}daemon off;
worker_processes 1;
pid ${path('nginx.pid')};
error_log ${path('error.log')} info;
events { worker_connections 64; }
http {
  access_log ${path('access.log')};
  client_body_temp_path ${path('tmp/body')};
  proxy_temp_path ${path('tmp/proxy')};
  fastcgi_temp_path ${path('tmp/fastcgi')};
  uwsgi_temp_path ${path('tmp/uwsgi')};
  scgi_temp_path ${path('tmp/scgi')};

  server {
    listen 127.0.0.1:${o.port} ssl;
    ssl_certificate ${o.cert};
    ssl_certificate_key ${o.key};
    client_max_body_size 512m;

    location / {
      proxy_pass http://127.0.0.1:${o.upstreamPort};
      proxy_bind ${o.bindAddress};
      proxy_http_version 1.1;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Host $http_host;
      proxy_read_timeout 300s;
    }
  }
}
`;
}

/** Starts nginx in the foreground; `stop` ends exactly this process. */
export async function startNginx(o: ProxyOptions): Promise<{ process: ChildProcess; stop: () => Promise<void>; errorLog: () => string }> {
  mkdirSync(join(o.dir, 'tmp'), { recursive: true });
  const conf = join(o.dir, 'nginx.conf');
  writeFileSync(conf, nginxConfig(o));
  const errorLog = () => (existsSync(join(o.dir, 'error.log')) ? readFileSync(join(o.dir, 'error.log'), 'utf8') : '');
  const child = spawn(NGINX, ['-c', conf, '-p', o.dir, '-e', join(o.dir, 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`nginx stopped at once (${child.exitCode}): ${stderr}\n${errorLog()}`);
    if (await isListening(o.port)) return { process: child, stop, errorLog };
    await new Promise((r) => setTimeout(r, 50));
  }
  await stop();
  throw new Error(`nginx did not start listening on ${o.port}: ${stderr}\n${errorLog()}`);
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export interface HttpsAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTPS request to `127.0.0.1:port` from `localAddress`, trusting only the test's certificate. */
export function httpsRequest(
  port: number,
  ca: string,
  r: { method?: string; path: string; headers?: Record<string, string>; body?: unknown; localAddress?: string },
): Promise<HttpsAnswer> {
  const body = r.body === undefined ? undefined : JSON.stringify(r.body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: r.method ?? 'GET',
        path: r.path,
        ca,
        localAddress: r.localAddress,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...r.headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
