#!/usr/bin/env bash
# Serves the app against one CRM's contract fake, so anyone can try a provider without an
# account: `make serve PROVIDER=hubspot`. The fake listens on 127.0.0.1:${FAKE_PORT:-8081}.
set -euo pipefail
cd "$(dirname "$0")/.."
# The CRMs, and the credentials each fake accepts, come from the registry the app is built from.
registry=src/providers/crms.json
names=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).map((c) => c.provider).join(" "))' "$registry")
provider=${1:?usage: serve-provider.sh <provider>, one of: $names}
port=${FAKE_PORT:-8081}
if ! creds=$(node -e '
  const crm = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).find((c) => c.provider === process.argv[2]);
  if (!crm) process.exit(2);
  console.log(JSON.stringify(crm.credentials));' "$registry" "$provider"); then
  echo "unknown provider '$provider' (one of: $names)" >&2
  exit 2
fi
cargo build -q -p fake-crm
./target/debug/fake-crm --port "$port" --seed 23 &
fake=$!
trap 'kill $fake 2>/dev/null' EXIT
config=$(mktemp --suffix=.json)
cat > "$config" <<JSON
{
  "provider": "$provider",
  "base_url": "http://127.0.0.1:$port/$provider",
  "credentials": $creds,
  "page_size": 10
}
JSON
echo "[serve] $provider fake on http://127.0.0.1:$port/$provider; app on http://127.0.0.1:8080" >&2
DEALFORM_CONFIG=$config trunk serve
