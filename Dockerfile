# The API server as docs/DEPLOY.md describes it: Node 20, the built JavaScript (npm run build:server)
# on a production-only install, run as the unprivileged `node` user, node itself as PID 1's child so
# SIGTERM reaches the server (graceful shutdown), and a health check on /api/v1/health.
#   docker build -t huimintong .
#   docker run -p 8080:8080 -v huimintong-data:/data huimintong                  # SQLite in the volume
#   docker run -p 8080:8080 -e DATABASE_URL=postgres://… -e ADMIN_TOKEN=… huimintong
# The H5 app is built separately (npm run build:h5) and served by a CDN, or mounted and named by STATIC_DIR.

FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY stubs ./stubs
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts ./scripts
COPY server ./server
COPY src ./src
RUN npm run build:server

FROM node:20-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY stubs ./stubs
# better-sqlite3 downloads its prebuilt binary; compilers are only needed if that fails
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:20-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080 DATABASE_URL=sqlite:///data/huimintong.sqlite
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
# seeds an empty database on first start
COPY content ./content
COPY --from=build /app/dist/server ./dist/server
RUN mkdir /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/api/v1/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "--enable-source-maps", "dist/server/main.js"]
