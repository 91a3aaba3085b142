#!/bin/sh
# Deploy the static site to the hosting box and purge the CDN.
set -eu

HOST=web-01.acme-hosting.net
USER=deploy
export SSHPASS='«pw»' ⟦+password⟧

npm ci && npm run build
sshpass -e rsync -az --delete dist/ "$USER@$HOST:/var/www/site/"

curl -fsS -X POST "https://api.bunny.net/pullzone/«digits:6»/purgeCache" \
  -H "AccessKey: «uuid»-«hex:4»-«hex:4»-«hex:4»-«hex:12»" ⟦+token⟧

# announce
curl -fsS -d "chat_id=-100«digits:10»&text=site deployed" \
  "https://api.telegram.org/bot«tgbot»/sendMessage" ⟦+provider⟧

curl -fsS -H "Content-Type: application/json" -d '{"content":"site deployed"}' \
  "«discordhook»" ⟦+provider⟧
