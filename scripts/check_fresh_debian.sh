#!/usr/bin/env bash
# Run the README's two commands on a fresh Debian 12 (a debootstrap chroot) with only
# Debian's own python3, as root. Needs root and network; takes about 10 minutes.
#   sudo bash scripts/check_fresh_debian.sh [/srv/deb12]
set -euo pipefail
root="${1:-/srv/deb12}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
if [ ! -x "$root/bin/bash" ]; then
  command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap
  debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian
fi
cp /etc/resolv.conf "$root/etc/resolv.conf"
mountpoint -q "$root/proc" || mount -t proc proc "$root/proc"
mountpoint -q "$root/dev" || mount --rbind /dev "$root/dev"
mountpoint -q "$root/sys" || mount --rbind /sys "$root/sys"
chroot "$root" bash -c 'export DEBIAN_FRONTEND=noninteractive; apt-get update -qq &&
  apt-get install -y -qq --no-install-recommends python3 ca-certificates >/dev/null'
# A machine behind a TLS-inspecting proxy needs its CA bundle inside too.
cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"
rm -rf "$root/root/skranke"
git clone -q "$repo" "$root/root/skranke"
chroot "$root" bash -c 'cd /root/skranke && bash scripts/start.sh run --smoke'
chroot "$root" bash -c 'cd /root/skranke && bash scripts/test.sh -q -p no:cacheprovider'
