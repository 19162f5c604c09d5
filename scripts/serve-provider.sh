#!/usr/bin/env bash
# Serves the app against one CRM's contract fake, so anyone can try a provider without an
# account: `make serve PROVIDER=hubspot`. The fake listens on 127.0.0.1:${FAKE_PORT:-8081}.
set -euo pipefail
provider=${1:?usage: serve-provider.sh stardex|hubspot|ysuite|attio|heffl}
port=${FAKE_PORT:-8081}
case "$provider" in
  stardex|hubspot|attio) creds='{"token": "test-token"}' ;;
  ysuite) creds='{"access_key": "test-access", "secret_key": "test-secret"}' ;;
  heffl) creds='{"api_key": "test-key"}' ;;
  *) echo "unknown provider '$provider' (stardex, hubspot, ysuite, attio, heffl)" >&2; exit 2 ;;
esac
cd "$(dirname "$0")/.."
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
