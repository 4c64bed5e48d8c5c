#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers on 127.0.0.1:5432 with a 'postgres' role the services can use without a
# password (trust for local connections). Starts an installed cluster, or installs one with apt (Debian/Ubuntu, root).
set -euo pipefail

listening() { (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; }

if [ -n "${FUNNEL_DB_URL:-}" ]; then
  echo "postgres: using FUNNEL_DB_URL=${FUNNEL_DB_URL}"; exit 0
fi
if listening; then
  echo "postgres: already listening on 127.0.0.1:5432"; exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "postgres: nothing on 127.0.0.1:5432 and not root; ./funnel and the tests will start an embedded PostgreSQL" \
       "(or set FUNNEL_DB_URL)." >&2
  exit 0
fi
if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
  echo "postgres: installing with apt..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /etc/postgresql | sort -V | tail -n 1)
conf=/etc/postgresql/$version/main
if ! grep -q '^host all all 127.0.0.1/32 trust' "$conf/pg_hba.conf"; then
  sed -i '1i host all all 127.0.0.1/32 trust\nlocal all all trust' "$conf/pg_hba.conf"
fi
pg_ctlcluster --skip-systemctl-redirect "$version" main start || pg_ctlcluster "$version" main start
for _ in $(seq 1 30); do listening && break; sleep 1; done
listening || { echo "postgres: did not start; see /var/log/postgresql" >&2; exit 1; }
echo "postgres: $version running on 127.0.0.1:5432"
