#!/usr/bin/env bash
# spendwatch: start a throwaway Dovecot IMAP server for the tests and benchmarks.
# Loopback only, everything under DIR (config, maildirs, logs, TLS key); no systemd, no /etc change.
#
# Usage: scripts/dovecot-up.sh DIR [PORT] [SSLPORT]      stop with scripts/dovecot-down.sh DIR
# Env:   TLS=1         STARTTLS on PORT and IMAPS on SSLPORT, with a self-signed cert in DIR/tls/cert.pem
#        IMAP_USERS    "user:password ..." (default "alice:secret bob:secret")
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 DIR [PORT] [SSLPORT]" >&2; exit 2; }
DIR=$(realpath -m "$1"); PORT=${2:-10143}; SSLPORT=${3:-10993}
DOVECOT=${DOVECOT:-/usr/sbin/dovecot}
[ -x "$DOVECOT" ] || { echo "dovecot not found at $DOVECOT (scripts/install-test-deps.sh installs it)" >&2; exit 1; }
mkdir -p "$DIR"/{run,state,log,mail,tls}

if [ "$(id -u)" = 0 ]; then
  # As root Dovecot insists on its privilege separation: the package's dovenull/dovecot
  # users run login and internals, mail files belong to nobody.
  login_user=dovenull; internal_user=dovecot; internal_group=dovecot
  mail_uid=nobody; mail_gid=nogroup; login_chroot=login
  chown -R nobody:nogroup "$DIR/mail"
  chmod 755 "$DIR"
else
  # Rootless: every process runs as the caller, and chroot is impossible.
  login_user=$(id -un); internal_user=$login_user; internal_group=$(id -gn)
  mail_uid=$login_user; mail_gid=$internal_group; login_chroot=
fi

: > "$DIR/passwd"
for pair in ${IMAP_USERS:-alice:secret bob:secret}; do
  printf '%s:{PLAIN}%s::::::\n' "${pair%%:*}" "${pair#*:}" >> "$DIR/passwd"
done
chmod 644 "$DIR/passwd"   # read by the auth process, which is not the caller as root

ssl=no; ssl_files=""; imaps_port=0
if [ "${TLS:-0}" = 1 ]; then
  if [ ! -f "$DIR/tls/key.pem" ]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj /CN=localhost \
      -addext subjectAltName=DNS:localhost,IP:127.0.0.1 \
      -keyout "$DIR/tls/key.pem" -out "$DIR/tls/cert.pem" 2>/dev/null
  fi
  chmod 644 "$DIR/tls/"*.pem
  ssl=yes; imaps_port=$SSLPORT
  ssl_files="ssl_cert = <$DIR/tls/cert.pem
ssl_key = <$DIR/tls/key.pem"
fi

cat > "$DIR/dovecot.conf" <<CONF
protocols = imap
listen = 127.0.0.1
instance_name = spendwatch-test-$PORT
base_dir = $DIR/run
state_dir = $DIR/state
log_path = $DIR/log/dovecot.log
info_log_path = $DIR/log/dovecot.log
ssl = $ssl
$ssl_files
disable_plaintext_auth = no
auth_mechanisms = plain login
default_login_user = $login_user
default_internal_user = $internal_user
default_internal_group = $internal_group
first_valid_uid = 1
mail_location = maildir:~/Maildir
# No stats process: without this line shutdown waits 5 s for the auth->stats handshake.
stats_writer_socket_path =
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%n $DIR/passwd
}
userdb {
  driver = static
  args = uid=$mail_uid gid=$mail_gid home=$DIR/mail/%n
}
service imap-login {
  chroot = $login_chroot
  inet_listener imap {
    address = 127.0.0.1
    port = $PORT
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = $imaps_port
  }
}
service anvil {
  chroot =
}
protocol imap {
  mail_max_userip_connections = 200
  mail_plugins =
}
CONF

"$DOVECOT" -c "$DIR/dovecot.conf"
# The master forks before its listeners are ready: wait (up to 4 s) for the port to answer.
for _ in $(seq 1 200); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    echo "dovecot up on 127.0.0.1:$PORT (imaps ${imaps_port}) pid $(cat "$DIR/run/master.pid")"
    exit 0
  fi
  sleep 0.02
done
echo "dovecot did not open 127.0.0.1:$PORT; last lines of $DIR/log/dovecot.log:" >&2
tail -20 "$DIR/log/dovecot.log" >&2 || true
exit 1
