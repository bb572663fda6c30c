# The hubgraph app for docker-compose: Node 20, sources run through tsx (no build step).
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY bin ./bin
COPY src ./src
COPY ingest ./ingest
COPY schema ./schema
COPY cypher ./cypher
# The demo corpus ships with the project (data/demo/PROVENANCE.md).
COPY data ./data
COPY tsconfig.json ./
ENV HOST=0.0.0.0 PORT=4000
EXPOSE 4000
CMD ["node", "bin/hubgraph.js", "start"]
