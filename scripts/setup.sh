#!/usr/bin/env bash
# One-step set-up for a fresh machine.
#   scripts/setup.sh run   installs SOP Desktop into .venv and starts it on its starter catalog
#   scripts/setup.sh test  installs the test dependencies, then runs ruff, mypy and the test suite
# System libraries that Qt needs are installed with apt-get where it is available.
set -euo pipefail
cd "$(dirname "$0")/.."

QT_LIBS=(libegl1 libgl1 libopengl0 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3
         libgssapi-krb5-2 libpulse0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
         libxkbcommon-x11-0 libxcb-image0 libxcb-randr0 libxcb-render-util0 libxcb-shape0
         libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0 fonts-dejavu-core)
# The tests also run the real window on a virtual X screen (the endurance run), serve
# published folders with a real web server (the end-to-end run), and publish Word and
# PowerPoint files with the PDF copies LibreOffice makes of them (a publisher's machine).
TEST_LIBS=(xvfb nginx-light libreoffice-writer-nogui libreoffice-impress-nogui)

install_system_libs() {
    command -v dpkg-query >/dev/null 2>&1 || return 0
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
            echo "SOP Desktop needs these system packages; ask an administrator: ${missing[*]}" >&2
            return 0
        fi
    fi
    echo "Installing system packages: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
}

make_venv() {
    [ -x .venv/bin/python ] || python3 -m venv .venv
    # constraints.txt: the exact versions tested together (see its first lines)
    .venv/bin/python -m pip install -q --disable-pip-version-check -c constraints.txt "$@"
}

case "${1:-}" in
    run)
        shift
        install_system_libs "${QT_LIBS[@]}"
        make_venv .
        exec .venv/bin/sop-desktop "$@"
        ;;
    test)
        shift
        install_system_libs "${QT_LIBS[@]}" "${TEST_LIBS[@]}"
        make_venv -e ".[test]"
        .venv/bin/ruff check .
        .venv/bin/ruff format --check .
        .venv/bin/mypy  # the core and the GUI, strictly (pyproject.toml [tool.mypy])
        QT_QPA_PLATFORM=offscreen exec .venv/bin/python -m pytest "$@"
        ;;
    *)
        echo "usage: scripts/setup.sh run|test [arguments]" >&2
        exit 2
        ;;
esac
