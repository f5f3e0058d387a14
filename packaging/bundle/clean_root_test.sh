#!/usr/bin/env bash
# The bundle on a clean system (issue 22): a minimal Debian root made with `debootstrap --variant=minbase`
# (no Python, no Qt, no VLC), plus only the graphics client libraries the bundle leaves to the system
# (X_LIBS below, as the README lists them). The .tar.gz is unpacked into /srv and run there offline
# (no network, in a namespace of its own), as root, with Qt offscreen:
#
#   1. customer-room doctor                       (exit 0)
#   2. customer-room build of the bundled sample room, then check --media: libVLC from the bundle decodes every call
#   3. customer-room render of a stage with a PDF artifact, and of the PDF itself
#   4. a cold start of the live room (console + 3 walls at 4K, until painted), median of 5
#   5. the .deb beside the .tar.gz installed with dpkg: `customer-room doctor` from /usr/bin, and the desktop
#      entry, icon and MIME type in place
#
#   bash packaging/bundle/clean_root_test.sh [BUNDLE.tar.gz]      (default: the newest in build/bundle/)
#
# It skips, saying why, when not root, without debootstrap, without a bundle, or when the Debian mirror
# cannot be reached to make the root. The root is made once into build/clean-root/base and reused; each
# run works in a fresh copy. Ends with "N passed, N failed"; exit status 1 when a step failed.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${CLEAN_ROOT_DIR:-$root/build/clean-root}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
suite=bookworm
X_LIBS="libgl1 libegl1 libxcb1 libdrm2 libwayland-client0 libwayland-cursor0 libwayland-egl1 libxcb-dri3-0"
tarball=${1:-$(ls -t "$root"/build/bundle/customer-room-*-linux-x86_64.tar.gz 2>/dev/null | head -1)}

skip() {
    echo "Clean-root test skipped: $1"
    exit 0
}
[ "$(id -u)" -eq 0 ] || skip "it needs root (debootstrap, chroot and mounts)."
command -v debootstrap >/dev/null || skip "debootstrap is not installed (Debian: apt-get install debootstrap)."
[ -n "$tarball" ] && [ -f "$tarball" ] || skip "there is no bundle to test; build one with: bash packaging/bundle/build.sh"
unshare -n -m true 2>/dev/null || skip "this machine allows no new namespaces, so the root cannot be run offline."

base="$work/base"
if [ ! -f "$base/.customer-room-ready" ]; then
    echo "== making the minimal root ($suite, minbase) in $base"
    rm -rf "$base"
    mkdir -p "$work"
    debootstrap --variant=minbase "$suite" "$base" "$mirror" >"$work/debootstrap.log" 2>&1 \
        || skip "debootstrap could not fetch Debian from $mirror (see $work/debootstrap.log)."
    cp /etc/resolv.conf "$base/etc/resolv.conf"
    unshare -m --fork sh -c "mount -t proc proc '$base/proc' && chroot '$base' /usr/bin/env \
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $X_LIBS" \
        >"$work/x-libs.log" 2>&1 || skip "the root's graphics libraries could not be installed (see $work/x-libs.log)."
    chroot "$base" apt-get clean
    touch "$base/.customer-room-ready"
fi

run="$work/run"
out="$work/out"
rm -rf "$run" "$out"
cp -a "$base" "$run"
mkdir -p "$out"
tar -xzf "$tarball" -C "$run/srv"
package=$(ls "$(dirname "$tarball")"/customer-room_*_amd64.deb 2>/dev/null | tail -1)
[ -z "$package" ] || cp "$package" "$out/customer-room.deb"
echo "== $(basename "$tarball") unpacked into /srv of a copy of the minimal root"

# A command inside the root: no network, its own mounts, a clean environment, Qt offscreen.
inside() {
    unshare -n -m --fork sh -c 'r=$1 o=$2 script=$3
        mount -t proc proc "$r/proc" && mount --rbind /dev "$r/dev" && mount -t tmpfs tmpfs "$r/tmp" &&
        mount --bind "$o" "$r/mnt" &&
        exec chroot "$r" /usr/bin/env -i HOME=/root PATH=/srv/customer-room:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
            QT_QPA_PLATFORM=offscreen CUSTOMER_ROOM_DATA_DIR=/mnt/data /bin/sh -c "$script"' \
        sh "$run" "$out" "$1"
}

passed=0
failed=0
step() {
    local name=$1 script=$2 log
    log="$out/$(printf '%s' "$name" | tr 'A-Z' 'a-z' | tr -cs 'a-z0-9' '-').log"
    if inside "$script" >"$log" 2>&1; then
        passed=$((passed + 1))
        echo "ok    $name"
    else
        failed=$((failed + 1))
        echo "FAIL  $name (its output, $log:)"
        tail -15 "$log" | sed 's/^/      /'
    fi
}

step "nothing of Python, Qt or VLC in the root" \
    '! command -v python3 && ! ls /usr/lib/x86_64-linux-gnu | grep -E "libQt|libvlc|libpython"'
step "customer-room doctor" 'customer-room doctor'
sed -n '/^\(ok\|FAIL\|note\) /p' "$out/customer-room-doctor.log" | sed 's/^/      /'
sample=/srv/customer-room/_internal/customer_room_desktop/rooms/harbourline
step "build the sample room with the bundle's libVLC probing every recording" \
    "customer-room build $sample -o /mnt/harbourline.croom"
step "check --media: every call decodes with the bundled libVLC" \
    'customer-room check /mnt/harbourline.croom --media --skip-media | tee /dev/stderr | grep -q "no problems found"'
step "render the first stage (its artifacts include a PDF leaflet)" \
    'customer-room render /mnt/harbourline.croom --view stage:1 --size 1920x1080 -o /mnt/stage-1.png'
step "render the PDF leaflet itself" \
    'customer-room render /mnt/harbourline.croom --view artifact:cover-leaflet --size 1920x1080 -o /mnt/leaflet.png'
screens='{"windowFrameMargins":false,"screens":[{"name":"laptop","x":0,"y":0,"width":1920,"height":1080,"logicalDpi":96,"logicalBaseDpi":96,"dpr":1}'
for n in 1 2 3; do
    screens+=",{\"name\":\"wall-$n\",\"x\":$((1920 + (n - 1) * 3840)),\"y\":0,\"width\":3840,\"height\":2160,\"logicalDpi\":96,\"logicalBaseDpi\":96,\"dpr\":1}"
done
echo "$screens]}" >"$out/screens.json"
step "cold start of the live room, console + 3 walls at 4K painted (1 unmeasured, then 5)" '
    for n in 0 1 2 3 4 5; do
        start=$(date +%s%N)
        painted=$(CUSTOMER_ROOM_QUIT_WHEN_SHOWN=1 QT_QPA_PLATFORM=offscreen:configfile=/mnt/screens.json \
            customer-room open /mnt/harbourline.croom | while read -r line; do
                [ "$line" = painted ] && date +%s%N; done)
        [ -n "$painted" ] || exit 1
        [ "$n" -eq 0 ] || echo $(( (painted - start) / 1000000 ))
    done > /mnt/start-ms.txt'
if [ -s "$out/start-ms.txt" ]; then
    echo "      cold start (ms): $(tr '\n' ' ' <"$out/start-ms.txt")- median $(sort -n "$out/start-ms.txt" | sed -n 3p) ms"
fi
for png in stage-1 leaflet; do
    [ -f "$out/$png.png" ] && echo "      $out/$png.png: $(stat -c %s "$out/$png.png") bytes"
done
if [ -f "$out/customer-room.deb" ]; then
    step "the .deb installs with dpkg; customer-room doctor from /usr/bin" '
        dpkg -i /mnt/customer-room.deb && test -f /usr/share/applications/customer-room.desktop &&
        test -f /usr/share/mime/packages/customer-room.xml &&
        test -f /usr/share/icons/hicolor/scalable/apps/customer-room.svg &&
        PATH=/usr/sbin:/usr/bin:/sbin:/bin customer-room doctor'
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
