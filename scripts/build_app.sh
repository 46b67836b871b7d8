#!/usr/bin/env bash
# Build the installable one-folder app into "dist/SOP Desktop/" (PyInstaller), then check it:
# both programs print their version, and the command line seeds a library from the bundled
# starter catalog and passes "doctor --offline". Run after "scripts/setup.sh test" (or run).
#   scripts/build_app.sh            build and check
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/python -m pip install -q --disable-pip-version-check -c constraints.txt ".[build]"
rm -rf build/pyinstaller "dist/SOP Desktop"
.venv/bin/pyinstaller --noconfirm --log-level WARN \
    --workpath build/pyinstaller --distpath dist packaging/sop-desktop.spec
app="dist/SOP Desktop"
check_dir="$(mktemp -d)"
trap 'rm -rf "$check_dir"' EXIT
touch "$check_dir/before"
sleep 1
"$app/sop-desktop" --version
"$app/sop-resources" --version
run() { SOP_DESKTOP_LOGS="$check_dir/logs" "$app/sop-resources" --data-dir "$check_dir/library" "$@"; }
run status >/dev/null      # seeds the library from the bundled starter catalog
run doctor --offline
run search "safety plan" --limit 3
QT_QPA_PLATFORM=offscreen SOP_DESKTOP_LOGS="$check_dir/logs" \
    "$app/sop-desktop" --data-dir "$check_dir/library" --startup-probe "three houses"
written="$(find "$app" -newer "$check_dir/before" | head -5)"
if [ -n "$written" ]; then
    echo "The programs wrote into their own folder: $written" >&2
    exit 1
fi
echo "Built and checked: $app ($(du -sh "$app" | cut -f1))"
