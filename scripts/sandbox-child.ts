import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import { z } from 'zod';

/** The sandbox CLI's one stdout line when it is ready. */
const readyLine = z.object({
  baseUrl: z.string(),
  portalId: z.number().int().positive(),
  accessToken: z.string(),
  clientId: z.string(),
  clientSecret: z.string(),
  appId: z.number(),
});
export interface SandboxChild {
  baseUrl: string;
  portalId: number;
  accessToken: string;
  clientSecret: string;
  /** SIGTERM to the child's PID, then waits for it to exit (SIGKILL after 10 s). */
  close: () => Promise<void>;
}

/**
 * `src/sandbox/cli.ts` in a child process (its memory stays out of peakRssMb): resolves with the JSON line it
 * prints when ready; its progress goes straight to our stderr.
 */
export async function startSandboxChild(args: readonly string[]): Promise<SandboxChild> {
  const root = join(import.meta.dirname, '..');
  const child = spawn(process.execPath, [join(root, 'src', 'sandbox', 'cli.ts'), ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else
      child.once('exit', () => {
        resolve();
      });
  });
  const close = (): Promise<void> => stopChild(child, exited);
  try {
    const line = await new Promise<string>((resolve, reject) => {
      const lines = createInterface({ input: child.stdout });
      lines.once('line', (text) => {
        lines.close();
        resolve(text);
      });
      child.once('error', reject);
      child.once('exit', (code, signal) => {
        reject(new Error(`the sandbox exited before it was ready (${signal ?? `status ${String(code)}`})`));
      });
    });
    const ready = readyLine.parse(JSON.parse(line));
    // Anything else it prints on stdout is drained so the pipe never fills.
    child.stdout.resume();
    return {
      baseUrl: ready.baseUrl,
      portalId: ready.portalId,
      accessToken: ready.accessToken,
      clientSecret: ready.clientSecret,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  const { pid } = child;
  if (pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  process.kill(pid, 'SIGTERM');
  const timer = setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null) process.kill(pid, 'SIGKILL');
  }, 10_000);
  await exited;
  clearTimeout(timer);
}
