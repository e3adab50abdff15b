# One image for every service of oj; docker-compose.yml picks the command.
FROM node:24-bookworm-slim
ENV NEXT_TELEMETRY_DISABLED=1 \
    NODE_ENV=production
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends bash ca-certificates && rm -rf /var/lib/apt/lists/* \
    && mkdir -p /var/cache/oj && chown node:node /app /var/cache/oj
# Every service runs as the image's unprivileged `node` user, the judge included: the sandbox needs no
# privileges, and learner code that got out of it would find itself without them.
USER node
COPY --chown=node:node . .
# Installs with Node 24 (scripts/run.sh uses the image's Node), generates the Prisma client, builds API and web.
RUN bash scripts/run.sh npx turbo run build --filter=@oj/api --filter=@oj/web --output-logs=errors-only
EXPOSE 3000 3001
CMD ["node", "--disable-warning=ExperimentalWarning", "apps/api/dist/main.js"]
