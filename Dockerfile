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
COPY tsconfig.json ./
ENV HOST=0.0.0.0 PORT=4000 HUBGRAPH_DATA_DIR=/data
EXPOSE 4000
CMD ["node", "bin/hubgraph.js", "start"]
