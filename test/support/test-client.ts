import type { FastifyInstance, LightMyRequestResponse } from "fastify";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** A browser-like client over app.inject: keeps cookies, fetches and sends the CSRF token on writes. */
export class TestClient {
  private cookies = new Map<string, string>();
  private csrf: string | null = null;

  /** `ip`: the client's address as the server sees it (app.inject's remoteAddress; 127.0.0.1 by default). */
  constructor(
    private readonly app: FastifyInstance,
    private readonly options: { ip?: string } = {},
  ) {}

  get sessionCookie(): string | undefined {
    return this.cookies.get("sceau_session");
  }

  /** A cookie the client holds (httpOnly ones included), or undefined. */
  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  /** Gives the client a cookie, as a browser that copied it from elsewhere would send it. */
  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private remember(res: LightMyRequestResponse) {
    for (const c of res.cookies) {
      const expired = c.expires && new Date(c.expires).getTime() <= Date.now();
      if (c.value === "" || expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  async csrfToken(): Promise<string> {
    if (!this.csrf) {
      const res = await this.raw("GET", "/api/v1/auth/csrf");
      this.csrf = res.json().token;
    }
    return this.csrf as string;
  }

  async raw(
    method: Method,
    url: string,
    options: {
      body?: unknown;
      payload?: string | Buffer;
      headers?: Record<string, string>;
      csrf?: boolean;
    } = {},
  ): Promise<LightMyRequestResponse> {
    const csrf = method !== "GET" && options.csrf !== false ? await this.csrfToken() : null;
    const headers: Record<string, string> = { ...(this.cookies.size ? { cookie: this.cookieHeader() } : {}) };
    if (csrf) headers["x-csrf-token"] = csrf;
    if (options.body !== undefined) headers["content-type"] = "application/json";
    Object.assign(headers, options.headers);
    const res = await this.app.inject({
      method,
      url,
      headers,
      ...(this.options.ip ? { remoteAddress: this.options.ip } : {}),
      ...(options.body !== undefined ? { payload: JSON.stringify(options.body) } : {}),
      ...(options.payload !== undefined ? { payload: options.payload } : {}),
    });
    this.remember(res);
    return res;
  }

  get = (url: string) => this.raw("GET", url);
  post = (url: string, body?: unknown) => this.raw("POST", url, body === undefined ? {} : { body });
  patch = (url: string, body: unknown) => this.raw("PATCH", url, { body });
  put = (url: string, payload: Buffer, contentType: string) =>
    this.raw("PUT", url, { payload, headers: { "content-type": contentType } });
  delete = (url: string) => this.raw("DELETE", url);

  async signIn(email: string, password: string): Promise<LightMyRequestResponse> {
    return this.post("/api/v1/auth/sign-in", { email, password });
  }
}
