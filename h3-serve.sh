#!/bin/sh
# temporary helper (H3): starts the e2e server on 3402 and creates the Pertuis challenge through the UI
cd /work/main
PORT=3402 LOG_LEVEL=warn nohup npx tsx e2e/server.ts > /tmp/h3-server.log 2>&1 &
for i in $(seq 1 90); do curl -sf localhost:3402/api/health >/dev/null && break; sleep 1; done
node h3-try.mjs
