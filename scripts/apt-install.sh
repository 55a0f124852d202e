# Sourced by the install scripts: apt_install PURPOSE PACKAGE... installs the Debian packages given
# (those that are missing, as the caller found), with sudo when not root, and says what for.
apt_install() {
  local purpose=$1
  shift
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: $* missing and apt-get is not available; install them with your package manager." >&2
    exit 1
  fi

  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "error: installing $* needs root or sudo." >&2; exit 1; }
    sudo=(sudo)
  fi

  echo "Installing $* for $purpose..."
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
