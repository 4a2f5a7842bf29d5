# syntax=docker/dockerfile:1
# Claimdesk production image (README "Deploy"): built with the dev dependencies, run on a production
# install (`npm ci --omit=dev`: no tsx, no Prisma CLI) as an unprivileged user, with Debian's Chromium
# for PDF export. tests/unit/deploy/deploy-files.test.ts checks it against the README and lib/env.ts.
ARG NODE_IMAGE=node:20-bookworm-slim

# 1. Everything needed to build.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json prisma.config.ts ./
COPY scripts/prisma-generate.mjs scripts/
COPY prisma/schema.prisma prisma/
RUN npm ci
COPY . .
RUN npm run build && rm -rf .next/cache

# 2. The run-time packages only.
FROM ${NODE_IMAGE} AS production-deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/prisma-generate.mjs scripts/
RUN npm ci --omit=dev && npm cache clean --force

# 3. The image: Chromium, the build, the production node_modules; no compiler, no sources.
FROM ${NODE_IMAGE} AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-noto-core fonts-noto-cjk \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 claimdesk \
 && useradd --system --uid 10001 --gid claimdesk --create-home --home-dir /home/claimdesk --shell /usr/sbin/nologin claimdesk
WORKDIR /app
ENV NODE_ENV=production \
    PORT=3000 \
    CHROMIUM_PATH=/usr/bin/chromium \
    NEXT_TELEMETRY_DISABLED=1
COPY --from=production-deps --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/package.json /app/next.config.js ./
COPY --from=build --chown=root:root /app/.next ./.next
COPY --from=build --chown=root:root /app/prisma/migrations ./prisma/migrations
COPY --from=build --chown=root:root /app/prisma/fixtures ./prisma/fixtures
# The app writes nothing to its own folder (root-owned); Chromium's profile goes to /tmp and /home/claimdesk.
USER claimdesk
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=10s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Migrations first (an advisory lock serialises instances starting together), then the server as
# PID 1's child of `init` (compose: init: true), so SIGTERM from `docker stop` reaches it.
CMD ["sh", "-c", "node .next/cli/migrate.mjs && exec node .next/cli/serve.mjs"]
