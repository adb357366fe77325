#!/usr/bin/env bash
# A Samba Active Directory domain controller on loopback for the directory sign-in tests (issue 32): provisioned once
# under its own prefix (the system's /etc/samba is left alone), started when not running, with the test users and
# groups the tests expect. Idempotent: run it again and it only starts what is not running. LDAP over TLS on
# 127.0.0.1:636 with a certificate for 127.0.0.1 from a test CA that is added to the system's trust store, as a
# city adds its own CA (docs/deploy.md). Needs root and the packages samba-ad-dc, ldap-utils (installed by .ci/run).
set -euo pipefail

PREFIX=/var/lib/komaki-samba
REALM=KOMAKI.TEST
DOMAIN=KOMAKI
ADMIN_PASSWORD='Komaki-Dir-Admin-2026!'
USER_PASSWORD='Komaki-Dir-User-2026!'
CONF="$PREFIX/etc/smb.conf"
TLS="$PREFIX/tls"
CA_TRUST=/usr/local/share/ca-certificates/komaki-test-directory-ca.crt

if [ "$(id -u)" != 0 ]; then echo "samba-ad.sh: run as root (sudo .ci/samba-ad.sh)" >&2; exit 1; fi
if ! command -v samba-tool >/dev/null 2>&1 || ! command -v ldapsearch >/dev/null 2>&1 || [ ! -d /usr/share/samba/setup/ad-schema ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends samba-ad-dc samba-ad-provision ldap-utils openssl ca-certificates >/dev/null
  if [ -d /run/systemd/system ]; then systemctl disable --now smbd nmbd winbind samba-ad-dc >/dev/null 2>&1 || true; fi
fi

if [ ! -f "$TLS/cert.pem" ]; then
  mkdir -p "$TLS"
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=Komaki test directory CA" \
    -keyout "$TLS/ca-key.pem" -out "$TLS/ca.pem" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout "$TLS/key.pem" -out "$TLS/req.pem" 2>/dev/null
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' > "$TLS/ext.cnf"
  openssl x509 -req -in "$TLS/req.pem" -CA "$TLS/ca.pem" -CAkey "$TLS/ca-key.pem" -CAcreateserial -days 3650 \
    -extfile "$TLS/ext.cnf" -out "$TLS/cert.pem" 2>/dev/null
  chmod 600 "$TLS/key.pem" "$TLS/ca-key.pem"
fi
if ! cmp -s "$TLS/ca.pem" "$CA_TRUST"; then
  cp "$TLS/ca.pem" "$CA_TRUST"
  update-ca-certificates >/dev/null 2>&1
fi

if [ ! -f "$PREFIX/private/sam.ldb" ]; then
  mkdir -p "$PREFIX"; rm -rf "$PREFIX/etc" "$PREFIX/private" "$PREFIX/state" "$PREFIX/cache" "$PREFIX/lock" "$PREFIX/bind-dns"
  samba-tool domain provision --targetdir="$PREFIX" --realm="$REALM" --domain="$DOMAIN" --server-role=dc \
    --dns-backend=NONE --host-ip=127.0.0.1 --use-rfc2307 --adminpass="$ADMIN_PASSWORD" \
    --option="interfaces=lo" --option="bind interfaces only=yes" \
    --option="server services=ldap" --option="dcerpc endpoint servers=-winreg -srvsvc" \
    --option="tls enabled=yes" --option="tls keyfile=$TLS/key.pem" --option="tls certfile=$TLS/cert.pem" \
    --option="tls cafile=$TLS/ca.pem" --option="ldap server require strong auth=yes" >"$PREFIX.provision.log" 2>&1 \
    || { cat "$PREFIX.provision.log" >&2; exit 1; }
  samba-tool domain passwordsettings set -s "$CONF" --max-pwd-age=0 --history-length=0 --min-pwd-age=0 >/dev/null
fi

listening() { (exec 3<>/dev/tcp/127.0.0.1/636) 2>/dev/null; }
if ! listening; then
  samba -s "$CONF" -D
  for _ in $(seq 1 60); do listening && break; sleep 0.5; done
  listening || { echo "samba-ad.sh: samba did not listen on 127.0.0.1:636" >&2; exit 1; }
fi

# The test directory: groups named as a city names them, users with a 職員番号 in employeeID (one without, one in no
# mapped group). The tests change memberships and disable accounts; they put these back themselves before they start.
BASE="DC=komaki,DC=test"
admin_ldap() { ldapmodify -H ldaps://127.0.0.1 -x -D "Administrator@komaki.test" -w "$ADMIN_PASSWORD" >/dev/null; }
group() { samba-tool group show "$1" -s "$CONF" >/dev/null 2>&1 || samba-tool group add "$1" -s "$CONF" >/dev/null; }
user() { # name, employeeID (or -), groups...
  local name=$1 employee=$2; shift 2
  samba-tool user show "$name" -s "$CONF" >/dev/null 2>&1 \
    || samba-tool user create "$name" "$USER_PASSWORD" --given-name="$name" -s "$CONF" >/dev/null
  if [ "$employee" != - ]; then
    printf 'dn: CN=%s,CN=Users,%s\nchangetype: modify\nreplace: employeeID\nemployeeID: %s\n' "$name" "$BASE" "$employee" | admin_ldap
  fi
  for g in "$@"; do
    members=$(samba-tool group listmembers "$g" -s "$CONF" 2>/dev/null || true)
    grep -qx "$name" <<<"$members" || samba-tool group addmembers "$g" "$name" -s "$CONF" >/dev/null
  done
}
for g in KM-Staff KM-DivisionHeads KM-Personnel KM-SystemAdmins KM-Unmapped; do group "$g"; done
user komaki-staff 990001 KM-Staff
user komaki-head 990002 KM-DivisionHeads KM-Staff
user komaki-jinji 990003 KM-Personnel KM-Staff
user komaki-admin 990004 KM-SystemAdmins KM-Staff
user komaki-leaver 990005 KM-Staff
user komaki-nogroup 990006 KM-Unmapped
user komaki-noid - KM-Staff
user komaki-away 990007 KM-Staff
# The read-only account the app servers look for disabled accounts with (Directory:ServiceUser): in no group.
user komaki-reader -
echo "Samba AD DC for $REALM on ldaps://127.0.0.1:636 (base $BASE)"
