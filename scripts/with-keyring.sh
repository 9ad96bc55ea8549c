#!/bin/sh
# Runs a command (the test runner) inside a private D-Bus session with an unlocked gnome-keyring,
# so the keychain tests talk to a real Secret Service. The keyring lives in a temporary folder:
# a developer's own keyrings and entries are never opened or touched.
# Without dbus-run-session or gnome-keyring-daemon it runs the command as it is (the keychain
# tests then skip, except in CI where they fail).
set -eu

if [ "${1:-}" = "--inside-session" ]; then
  shift
  home=$(mktemp -d "${TMPDIR:-/tmp}/chat-importer-keyring.XXXXXX")
  mkdir -m 700 "$home/data" "$home/run"
  # The password only unlocks this throwaway keyring.
  printf '%s' test-keyring | XDG_DATA_HOME="$home/data" XDG_RUNTIME_DIR="$home/run" \
    gnome-keyring-daemon --unlock --components=secrets >/dev/null ||
    echo "with-keyring: gnome-keyring-daemon did not start; the keychain tests will say so." >&2
  status=0
  CHAT_IMPORTER_TEST_KEYRING=1 "$@" || status=$?
  rm -rf "$home"
  exit "$status"
fi

if command -v dbus-run-session >/dev/null 2>&1 && command -v gnome-keyring-daemon >/dev/null 2>&1; then
  exec dbus-run-session -- sh "$0" --inside-session "$@"
fi
echo "with-keyring: dbus-run-session or gnome-keyring-daemon is not installed; running without a test keychain." >&2
exec "$@"
