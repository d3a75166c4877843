# One image for the three production processes; the command picks which one runs:
#   api      node dist/apps/api/main.js   (default)
#   worker   node --max-semi-space-size=2 --optimize-for-size dist/apps/worker/main.js   (with MALLOC_ARENA_MAX=2)
#   migrate  node dist/libs/persistence/run-migrations.js

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Compiling and bundling need no install script, and skipping them all does not depend on the image's npm
# honouring package.json#allowScripts (nor fetch the `node` devDependency's binary: the image has Node 24).
# npm ci installs exactly the lockfile (which lists every platform's optional binaries) or fails loudly.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npx tsc -p tsconfig.build.json && node scripts/bundle-workflows.mjs

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies ship their native code prebuilt (Temporal core, argon2): no install script to run.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
ENV WORKFLOW_BUNDLE_PATH=/app/dist/workflow-bundle.js
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/main.js"]
