/** The real `confidant serve` in a child process, for tests that stop, kill and start servers. */
import { type ChildProcess, spawn } from "node:child_process";
import { bin, env } from "./cli/cli-helpers.ts";

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the server printed so far (with LOG_LEVEL set, its log). */
  output(): string;
  /** kill -9: no shutdown of any kind. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export async function startServer(dataDir: string, extra: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, [bin, "serve"], {
    env: env(dataDir, { PORT: "0", CONFIDANT_DEMO: "0", LOG_LEVEL: "silent", ...extra }),
  });
  let output = "";
  let url: string | undefined;
  let expected = false;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // A server that dies on its own is the failure to explain: show what it printed.
  child.once("exit", (code, signal) => {
    if (!expected)
      process.stderr.write(`server ${url ?? ""} exited by itself (${code ?? signal}):\n${output}\n`);
  });
  url = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/open (http:\/\/\S+)/);
      if (match) resolve(match[1]!);
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.once("exit", (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    url: url!,
    child,
    output: () => output,
    async kill() {
      expected = true;
      child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      expected = true;
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Creates the first workspace on a fresh server; gives back a fetch that carries its admin's session. */
export async function firstAdmin(url: string) {
  const response = await fetch(`${url}/api/v1/setup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      workspaceName: "Restart Co",
      name: "Ada Admin",
      email: "ada@restart.test",
      password: "a-long-password",
    }),
  });
  if (response.status !== 201) throw new Error(`setup answered ${response.status}: ${await response.text()}`);
  const cookie = response.headers.get("set-cookie")!.split(";")[0]!;
  const as = async (base: string, method: string, path: string, body?: unknown) => {
    const reply = await fetch(`${base}${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: reply.status, body: (await reply.json()) as any };
  };
  return Object.assign(as, { cookie });
}
