import { closeGracefully, listen } from '../http/server-lifecycle.ts';
import { createSandbox, type Sandbox, type SandboxOptions } from './server/create-sandbox-app.ts';

export interface StartSandboxOptions extends SandboxOptions {
  /** 0 picks a free port. */
  port: number;
  /** Default 127.0.0.1. */
  host?: string;
}

/** What a client needs to talk to the running sandbox (the CLI prints all but `close` and `sandbox`). */
export interface RunningSandbox {
  baseUrl: string;
  portalId: number;
  /** The default portal's static (never-expiring) token. */
  accessToken: string;
  clientId: string;
  clientSecret: string;
  appId: number;
  sandbox: Sandbox;
  close(): Promise<void>;
}

/** Creates the sandbox and listens; resolves once it accepts connections. */
export async function startSandbox(options: StartSandboxOptions): Promise<RunningSandbox> {
  const sandbox = createSandbox(options);
  const host = options.host ?? '127.0.0.1';
  const { server, port } = await listen(sandbox.app, options.port, host);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const { world } = sandbox;
  return {
    baseUrl: `http://${urlHost}:${port}`,
    portalId: world.defaultPortalId,
    accessToken: world.staticToken,
    clientId: world.app.clientId,
    clientSecret: world.app.clientSecret,
    appId: world.app.appId,
    sandbox,
    async close() {
      await sandbox.close();
      await closeGracefully(server, 1_000);
    },
  };
}
