/** What we may say about a connection string in messages: host and port, never the password. */
export interface ConnectionTarget {
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user?: string;
}

export function isConnectionUrl(source: string): boolean {
  return /^postgres(ql)?:\/\//i.test(source);
}

export function connectionTarget(url: string): ConnectionTarget {
  const parsed = new URL(url);
  const hostParam = parsed.searchParams.get("host");
  const host = decodeURIComponent(parsed.hostname) || hostParam || "localhost";
  const port = Number(parsed.port || parsed.searchParams.get("port") || 5432);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, "")) || decodeURIComponent(parsed.username) || "postgres";
  const target: ConnectionTarget = { host, port, database };
  return parsed.username ? { ...target, user: decodeURIComponent(parsed.username) } : target;
}

/** The same URL pointing at another database on the same server (for scratch databases). */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** The URL with its password masked, for logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "<invalid connection string>";
  }
}
