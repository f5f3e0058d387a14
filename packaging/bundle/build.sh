#!/usr/bin/env bash
# The offline bundle in one command, on Debian 12 x86_64 (as root, or with the Debian packages below there):
#
#   bash packaging/bundle/build.sh
#
# 1. a build venv (build/bundle/venv) with exactly the versions in packaging/constraints.txt;
# 2. PyInstaller, one folder (packaging/bundle/customer-room.spec): Qt without WebEngine, QML or Quick,
#    libVLC 3.0 with the plugins in vlc-plugins.txt, DejaVu Sans, the sample room;
# 3. libVLC's plugin cache, then `customer-room doctor` run from the bundle: a failing doctor fails the build;
# 4. build/bundle/customer-room-VERSION-linux-x86_64.tar.gz and build/bundle/customer-room_VERSION_amd64.deb
#    (dpkg-deb: /opt/customer-room, /usr/bin/customer-room, a desktop entry, an icon, the .croom MIME type).
# Sizes are printed at the end. Nothing here is part of CI.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$root/build/bundle"
cd "$root"

needed="libvlc5 vlc-plugin-base libvlc-bin fonts-dejavu-core python3-venv dpkg binutils"
missing=$(for p in $needed; do dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q "ok installed" || echo "$p"; done)
if [ -n "$missing" ]; then
    if [ "$(id -u)" -eq 0 ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
    else
        echo "Install these Debian packages first: $missing" >&2
        exit 1
    fi
fi

version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' customer_room_desktop/__init__.py)
echo "== Customer Room $version: build venv ($out/venv)"
mkdir -p "$out"
[ -x "$out/venv/bin/python" ] || python3 -m venv "$out/venv"
"$out/venv/bin/python" -m pip install -q --upgrade 'pip>=24'
"$out/venv/bin/python" -m pip install -q -c packaging/constraints.txt '.[bundle]'

echo "== PyInstaller"
rm -rf "$out/dist" "$out/work"
"$out/venv/bin/pyinstaller" --noconfirm --log-level WARN --distpath "$out/dist" --workpath "$out/work" \
    "$here/customer-room.spec"
app="$out/dist/customer-room"
find "$app/_internal" -xtype l -delete  # links to the Qt libraries that only dropped plugins needed
cp "$here/open-room" "$app/open-room"
mkdir -p "$app/share"
cp "$here/customer-room.desktop" "$here/customer-room.svg" "$here/customer-room-mime.xml" "$app/share/"
/usr/lib/x86_64-linux-gnu/vlc/vlc-cache-gen "$app/_internal/vlc/plugins"

echo "== customer-room doctor, from the bundle"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
env -u PYTHONPATH -u CUSTOMER_ROOM_VLC_DIR QT_QPA_PLATFORM=offscreen CUSTOMER_ROOM_DATA_DIR="$scratch/data" \
    "$app/customer-room" doctor

echo "== archives"
stamp="@$(git log -1 --format=%ct 2>/dev/null || date +%s)"  # the same commit gives the same dates
tarball="$out/customer-room-$version-linux-x86_64.tar.gz"
tar --sort=name --mtime="$stamp" --owner=0 --group=0 --numeric-owner -C "$out/dist" -cf - customer-room \
    | gzip -n -6 > "$tarball"

deb="$out/deb"
rm -rf "$deb"
mkdir -p "$deb/DEBIAN" "$deb/opt" "$deb/usr/bin" "$deb/usr/share/applications" \
    "$deb/usr/share/icons/hicolor/scalable/apps" "$deb/usr/share/mime/packages"
cp -a "$app" "$deb/opt/customer-room"
ln -s ../../opt/customer-room/customer-room "$deb/usr/bin/customer-room"
cp "$here/customer-room.desktop" "$deb/usr/share/applications/"
cp "$here/customer-room.svg" "$deb/usr/share/icons/hicolor/scalable/apps/"
cp "$here/customer-room-mime.xml" "$deb/usr/share/mime/packages/customer-room.xml"
installed_kb=$(du -sk "$deb" | cut -f1)
# The libraries the bundle leaves to the system: the graphics stack (libGL and libEGL must be the ones
# that match the machine's drivers, so PyInstaller never copies them), as packaging/bundle/README.md lists.
cat > "$deb/DEBIAN/control" <<EOF
Package: customer-room
Version: $version
Architecture: amd64
Maintainer: Customer Room Desktop <packaging@customer-room.invalid>
Installed-Size: $installed_kb
Depends: libc6 (>= 2.36), libgl1, libegl1, libxcb1, libdrm2, libwayland-client0, libwayland-cursor0,
 libwayland-egl1, libxcb-dri3-0
Recommends: shared-mime-info, desktop-file-utils
Section: misc
Priority: optional
Description: Customer Room: the customer's journey on the walls of a meeting room
 Runs a company's Customer Room from one room file: the journey on the walls, recorded calls
 played aloud, decisions captured, minutes exported. Offline and self-contained: Python, Qt,
 libVLC and the fonts are inside /opt/customer-room.
EOF
find "$deb" -exec touch -h -d "$stamp" {} +
dpkg-deb --root-owner-group -Zxz -z6 --build "$deb" "$out/customer-room_${version}_amd64.deb" >/dev/null

echo "== sizes"
du -sh --apparent-size "$app" | sed 's/\t.*/  installed (the folder)/'
ls -l "$tarball" "$out/customer-room_${version}_amd64.deb" | awk '{printf "%.1f MB  %s\n", $5 / 1e6, $NF}'
