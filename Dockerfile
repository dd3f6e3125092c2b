# Harbor's service. Node 24 runs the TypeScript sources as they are (type stripping): there is no build step.
FROM node:24-slim

# tini as PID 1 forwards SIGTERM to Node, which shuts Harbor down gracefully, and reaps zombies. Baked in
# because `docker run --init` works only when every runner remembers the flag.
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/*

WORKDIR /app
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/data/pglite

COPY package.json package-lock.json ./
# The lockfile names every workspace of app/, so their package.json files come too; of the workspaces only
# @harbor/wire is installed (the service validates what it sends with it): the UI extensions are uploaded
# to HubSpot, never run here.
COPY app/package.json app/
COPY app/cards/package.json app/cards/
COPY app/settings/package.json app/settings/
COPY app/pages/package.json app/pages/
COPY app/packages/i18n/package.json app/packages/i18n/
COPY app/packages/ui/package.json app/packages/ui/
COPY app/packages/wire app/packages/wire
# Runtime dependencies only: tsx, esbuild and the test tools are for development.
RUN npm ci --omit=dev --workspace=@harbor/wire --include-workspace-root \
  && npm cache clean --force

COPY src ./src

# Embedded PGlite's files when DATABASE_URL is not set; the only place the app writes.
RUN mkdir -p /data \
  && chown node:node /data
VOLUME /data
USER node

EXPOSE 3000
# Slim images have no curl: Node's own fetch asks /readyz (database reachable, migrations applied).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/readyz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

ENTRYPOINT ["/usr/bin/tini", "--"]
# Node itself, not npm: the signal goes straight to Harbor and npm's banner stays out of the JSON log.
CMD ["node", "src/main.ts"]
