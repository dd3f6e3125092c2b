/**
 * The load generator of bench:cards, in a process of its own so that making requests never competes with
 * the service for its event loop: `node scripts/bench-cards-load.ts < config.json` with {port, pathPrefix,
 * pathSuffix, companyIds, rate, seconds, warmupSeconds, timeoutSeconds, clientSecret, publicBaseUrl}. Each request asks
 * for a random company and is signed afresh (v3, as hubspot.fetch signs it). Prints one JSON line:
 * {rps, p50Ms, p99Ms, errors}; errors count non-2xx answers, timeouts and socket errors.
 *
 * Open loop, evenly spaced: request i leaves at start + i / rate whether or not earlier ones have been
 * answered, as cards opened by many users do. (autocannon's `overallRate` paces each connection on its own,
 * so its connections fire together in bursts: against a handler that only answers `{}`, 50 connections at
 * 200 requests/s measured p99 78 ms on this machine, 10 connections 19 ms — the tool's queue, not the
 * service's.) Latency runs from the moment a request was due, so a late send counts against the service.
 */
import { Agent, request } from 'node:http';
import { text } from 'node:stream/consumers';

import { z } from 'zod';

import { computeSignatureV3 } from '../src/hubspot/signature/hubspot-signature.ts';

const config = z
  .object({
    port: z.number().int().positive(),
    pathPrefix: z.string(),
    pathSuffix: z.string(),
    companyIds: z.array(z.string()).min(1),
    rate: z.number().int().positive(),
    seconds: z.number().int().positive(),
    timeoutSeconds: z.number().int().positive(),
    warmupSeconds: z.number().int().nonnegative(),
    clientSecret: z.string(),
    publicBaseUrl: z.string(),
  })
  .parse(JSON.parse(await text(process.stdin)));

const agent = new Agent({ keepAlive: true, maxSockets: 256 });
const latencies: number[] = [];
let errors = 0;
// Warm-up requests are sent and answered like the others but not counted: the first seconds measure the
// JIT, the connection pools and PostgreSQL settling after the sync, not a card in steady use.
let isCounting = false;

function send(dueAt: number): Promise<void> {
  const companyId = config.companyIds[Math.floor(Math.random() * config.companyIds.length)] ?? '';
  const path = `${config.pathPrefix}${companyId}${config.pathSuffix}`;
  const timestamp = String(Date.now());
  const signature = computeSignatureV3({
    clientSecret: config.clientSecret,
    method: 'GET',
    uri: `${config.publicBaseUrl}${path}`,
    rawBody: '',
    timestamp,
  });
  return new Promise((resolve) => {
    let settled = false;
    const settle = (answered: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      if (isCounting) {
        if (answered) latencies.push(performance.now() - dueAt);
        else errors += 1;
      }
      resolve();
    };
    const outgoing = request(
      {
        host: '127.0.0.1',
        port: config.port,
        path,
        agent,
        headers: { 'x-hubspot-request-timestamp': timestamp, 'x-hubspot-signature-v3': signature },
      },
      (response) => {
        response.resume();
        response.on('end', () => {
          settle(response.statusCode === 200);
        });
      },
    );
    // The deadline runs from the send, not from the socket: a request queued for a free socket behind
    // slow ones is as late for the card as one the server is slow to answer.
    const deadline = setTimeout(() => {
      outgoing.destroy(new Error('timeout'));
    }, config.timeoutSeconds * 1000);
    // An error, or a close before the answer ended (a destroyed request), is an error either way.
    outgoing.on('error', () => {
      settle(false);
    });
    outgoing.on('close', () => {
      settle(false);
    });
    outgoing.end();
  });
}

/** `rate` requests a second for `seconds`, evenly spaced; resolves when every one is answered. */
async function run(seconds: number): Promise<number> {
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let index = 0; index < config.rate * seconds; index += 1) {
    const dueAt = started + (index * 1000) / config.rate;
    const wait = dueAt - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(send(dueAt));
  }
  await Promise.all(inFlight);
  return (performance.now() - started) / 1000;
}

await run(config.warmupSeconds);
isCounting = true;
const elapsedSeconds = await run(config.seconds);
agent.destroy();

latencies.sort((a, b) => a - b);
const percentile = (share: number): number =>
  latencies.length === 0
    ? 0
    : Number(
        (latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * share))] ?? 0).toFixed(1),
      );
process.stdout.write(
  `${JSON.stringify({
    rps: Math.round(latencies.length / elapsedSeconds),
    p50Ms: percentile(0.5),
    p99Ms: percentile(0.99),
    errors,
  })}\n`,
);
