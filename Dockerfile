# The Node.js image for the web server and the workers (one image, two commands; see docker-compose.yml).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=optional
COPY . .
RUN npm run build:web

FROM node:24-bookworm-slim
# The rendered PDFs embed a CJK font.
RUN apt-get update && apt-get install -y --no-install-recommends fonts-noto-cjk && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --omit=optional && npm cache clean --force
COPY platform ./platform
COPY domain ./domain
COPY store ./store
COPY documents ./documents
COPY modeling ./modeling
COPY workers ./workers
COPY web/server ./web/server
COPY processes ./processes
COPY forms ./forms
COPY migrations ./migrations
COPY --from=build /app/web/client/dist ./web/client/dist
USER node
CMD ["node", "--import", "tsx", "web/server/main.ts"]
