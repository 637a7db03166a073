#!/usr/bin/env bash
# Builds the Microsoft Teams app package target/collective-pulse-teams.zip:
# manifest.json (placeholder GUIDs replaced), its language files and its icons, all at the zip root
# as Teams requires.
#
# Environment:
#   MICROSOFT_APP_ID  required  client ID of the Azure Bot / Entra ID app registration (becomes bots[0].botId)
#   TEAMS_APP_ID      optional  GUID of the Teams app itself (manifest "id"); defaults to MICROSOFT_APP_ID
#   BASE_URL          optional  public URL of the service; its host replaces validDomains
#
# Usage: MICROSOFT_APP_ID=... manifests/teams/build-package.sh
set -euo pipefail

readonly GUID_PATTERN='^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$'

fail() {
  echo "build-package.sh: $*" >&2
  exit 1
}

require_guid() {
  local name="$1" value="$2"
  [[ "$value" =~ $GUID_PATTERN ]] || fail "$name must be a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx), got '$value'"
}

[[ -n "${MICROSOFT_APP_ID:-}" ]] \
  || fail "MICROSOFT_APP_ID is not set: export the client ID of the bot's Azure app registration, e.g. MICROSOFT_APP_ID=<guid> $0"
require_guid MICROSOFT_APP_ID "$MICROSOFT_APP_ID"
teams_app_id="${TEAMS_APP_ID:-$MICROSOFT_APP_ID}"
require_guid TEAMS_APP_ID "$teams_app_id"
command -v python3 >/dev/null || fail "python3 is required"

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
output="$(cd "$script_dir/../.." && pwd)/target/collective-pulse-teams.zip"
mkdir -p "$(dirname "$output")"

python3 - "$script_dir" "$output" "$teams_app_id" "$MICROSOFT_APP_ID" "${BASE_URL:-}" <<'PYTHON'
import json
import pathlib
import sys
import urllib.parse
import zipfile

source_dir, output, app_id, bot_id, base_url = sys.argv[1:]
source_dir = pathlib.Path(source_dir)
manifest = json.loads((source_dir / "manifest.json").read_text(encoding="utf-8"))

manifest["id"] = app_id
for bot in manifest.get("bots", []):
    bot["botId"] = bot_id
if base_url:
    host = urllib.parse.urlsplit(base_url).hostname
    if not host:
        sys.exit(f"build-package.sh: BASE_URL '{base_url}' has no host name")
    manifest["validDomains"] = [host]

# The package must contain every file the manifest points to, and nothing else is needed.
files = [manifest["icons"]["color"], manifest["icons"]["outline"]]
files += [language["file"] for language in manifest.get("localizationInfo", {}).get("additionalLanguages", [])]

with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as package:
    package.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
    for name in files:
        package.write(source_dir / name, arcname=name)

print(f"Teams app package written to {output} (app id {app_id}, bot id {bot_id})")
PYTHON
