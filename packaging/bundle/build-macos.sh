#!/usr/bin/env bash
# The macOS bundle: "Customer Room.app", signed, notarized and stapled when the secrets are there.
# PREPARED, NEVER RUN HERE (no Mac): see packaging/bundle/README.md, "Windows and macOS".
#
#   bash packaging/bundle/build-macos.sh
#
# Needs: macOS 11+, Python 3.11 (python3.11 or python3 on PATH), VLC 3.0 in /Applications/VLC.app
# (`brew install --cask vlc`; another place: VLC_APP=/path/to/VLC.app).
#
# 1. a build venv (build/bundle/venv-macos) with the versions in packaging/constraints.txt;
# 2. PyInstaller (customer-room.spec): the .app, libVLC and the plugins of vlc-plugins.txt (.dylib) in
#    Contents/Frameworks/vlc/, an Info.plist declaring the .croom document type;
# 3. `customer-room doctor` run from the .app (offscreen): a failing doctor fails the build;
# 4. when MACOS_SIGN_IDENTITY is set: every library, plugin and executable inside, then the .app,
#    signed with the hardened runtime (codesign --options runtime) and entitlements.plist;
# 5. when the notarization credentials are set too: the .app zipped, sent to Apple
#    (xcrun notarytool submit --wait), the ticket stapled to it (xcrun stapler staple);
# 6. build/bundle/customer-room-VERSION-macos-ARCH.zip (ditto, which keeps the signatures).
#
# Secrets and identities, all from the environment, none needed for an unsigned build:
#   MACOS_SIGN_IDENTITY      the "Developer ID Application: NAME (TEAMID)" certificate's name, already in
#                            a keychain this user can read (the workflow imports it from MACOS_CERTIFICATE,
#                            a base64 .p12, and MACOS_CERTIFICATE_PASSWORD into a keychain of its own)
#   APPLE_ID                 the Apple ID of a member of that team
#   APPLE_TEAM_ID            the team's ten-character ID
#   APPLE_APP_PASSWORD       an app-specific password for APPLE_ID (appleid.apple.com), for notarytool
# Without MACOS_SIGN_IDENTITY the .app keeps PyInstaller's ad-hoc signature: it runs on the machine that
# built it, and elsewhere only after the user allows it (right-click, Open), since Gatekeeper rejects it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$root/build/bundle"
cd "$root"

export VLC_APP="${VLC_APP:-/Applications/VLC.app}"
[ -f "$VLC_APP/Contents/MacOS/lib/libvlccore.dylib" ] || {
    echo "No libVLC in $VLC_APP: brew install --cask vlc, or set VLC_APP to a VLC.app (3.0)." >&2; exit 1; }
python=$(command -v python3.11 || command -v python3)
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' customer_room_desktop/__init__.py)
arch=$(uname -m)

echo "== Customer Room $version: build venv ($out/venv-macos)"
mkdir -p "$out"
[ -x "$out/venv-macos/bin/python" ] || "$python" -m venv "$out/venv-macos"
"$out/venv-macos/bin/python" -m pip install -q --upgrade 'pip>=24'
"$out/venv-macos/bin/python" -m pip install -q -c packaging/constraints.txt '.[bundle]'

echo "== PyInstaller"
rm -rf "$out/dist-macos" "$out/work-macos"
"$out/venv-macos/bin/pyinstaller" --noconfirm --log-level WARN --distpath "$out/dist-macos" \
    --workpath "$out/work-macos" "$here/customer-room.spec"
app="$out/dist-macos/Customer Room.app"
program="$app/Contents/MacOS/customer-room"

echo "== customer-room doctor, from the .app"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
env -u PYTHONPATH -u CUSTOMER_ROOM_VLC_DIR QT_QPA_PLATFORM=offscreen CUSTOMER_ROOM_DATA_DIR="$scratch/data" \
    "$program" doctor

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
    echo "== codesign: hardened runtime, Developer ID ($MACOS_SIGN_IDENTITY)"
    sign() { codesign --force --timestamp --options runtime --sign "$MACOS_SIGN_IDENTITY" "$@"; }
    # inside out: every Mach-O file first (libraries, Python extensions, Qt, libVLC and its plugins),
    # then the program and the .app with the entitlements
    find "$app/Contents" -type f ! -path "$program" -print0 | while IFS= read -r -d '' file; do
        if file -b "$file" | grep -q "Mach-O"; then sign "$file"; fi
    done
    sign --entitlements "$here/entitlements.plist" "$program"
    sign --entitlements "$here/entitlements.plist" "$app"
    codesign --verify --deep --strict --verbose=2 "$app"

    if [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ] && [ -n "${APPLE_APP_PASSWORD:-}" ]; then
        echo "== notarization (xcrun notarytool, waits for Apple's answer)"
        ditto -c -k --keepParent "$app" "$scratch/notarize.zip"
        xcrun notarytool submit "$scratch/notarize.zip" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
            --password "$APPLE_APP_PASSWORD" --wait
        xcrun stapler staple "$app"
        xcrun stapler validate "$app"
        spctl --assess --type execute --verbose=2 "$app"
    else
        echo "== not notarized: APPLE_ID, APPLE_TEAM_ID and APPLE_APP_PASSWORD are not all set"
    fi
else
    echo "== not signed: MACOS_SIGN_IDENTITY is not set (the .app keeps PyInstaller's ad-hoc signature)"
fi

echo "== archive"
zip="$out/customer-room-$version-macos-$arch.zip"
rm -f "$zip"
ditto -c -k --keepParent "$app" "$zip"
du -sh "$app" | sed 's/\t.*/  installed (the .app)/'
ls -l "$zip" | awk '{printf "%.1f MB  %s\n", $5 / 1e6, $NF}'
