# syntax=docker/dockerfile:1
# The same steps as CI and the README: `npm ci` (the lockfile exactly), then `npm start`. The build
# stage compiles the native SQLite driver and generates the Prisma clients, then drops the dev
# dependencies (the Prisma CLI, tsx, TypeScript); the runtime stage runs src/ with Node's own type stripping, as the unprivileged
# `node` user, with the SQLite database on a volume. Node 24 LTS, pinned.
FROM node:24.22.3-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/* \
 && npm install -g npm@11
COPY package.json package-lock.json prisma.config.ts tsconfig.json ./
COPY prisma ./prisma
RUN npm ci
COPY src ./src
COPY content ./content
RUN npm prune --omit=dev

FROM node:24.22.3-bookworm-slim
ENV NODE_ENV=production \
    DATABASE_URL=file:/data/study-bot.db \
    OPS_PORT=9090
WORKDIR /app
RUN npm install -g npm@11 && mkdir -p /data && chown node:node /data
COPY --from=build --chown=node:node /app /app
# The default SQLite path (file:./data/study-bot.db, as .env.example shows it) lands on the volume
# too, so a DATABASE_URL copied from .env cannot put the database where `docker rm` deletes it.
RUN ln -s /data /app/data
USER node
VOLUME ["/data"]
EXPOSE 3000 9090
# /healthz answers 200 when the database answers and every configured platform is connected.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.OPS_PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# exec form: npm hands the signal on to node (the start script execs it), so SIGTERM stops the bot
# gracefully; run with --init (compose: init: true) so that a process reaps its children.
CMD ["npm", "start"]
