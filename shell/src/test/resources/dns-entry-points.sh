#!/bin/sh
# Run inside a fresh network namespace (loopback up, multicast on): a real named for zone "lab",
# two chord.lab peers with SIP agents publishing themselves by TSIG-signed RFC 2136 updates; one is
# killed (SIGKILL) and its SRV record must be gone within 30 s (the survivor removes it once discovery
# sees it gone); the other stops (SIGTERM) and the SRV set must be empty.
# Needs: JAVA (the java binary) and CP (the class path with org.interlay.shell.Interlay); named, tsig-keygen, dig.
set -u
work=$(mktemp -d)
pids=""
cleanup() { for p in $pids; do kill -9 "$p" 2>/dev/null; done; }
trap cleanup EXIT
fail() { echo "FAIL: $*"; for f in "$work"/*.log; do echo "--- $f"; tail -20 "$f"; done; exit 1; }
now() { date +%s%N; }

tsig-keygen -a hmac-sha256 interlay-update > "$work/key.conf" || fail "tsig-keygen"
cat > "$work/named.conf" <<CONF
options { directory "$work"; listen-on port 53 { 127.0.0.1; }; listen-on-v6 { none; }; recursion no;
  dnssec-validation no; pid-file "$work/named.pid"; };
include "$work/key.conf";
zone "lab" { type primary; file "$work/lab.zone"; allow-update { key interlay-update; }; };
CONF
printf '$TTL 30\n@ IN SOA ns.lab. admin.lab. 1 60 30 600 30\n@ IN NS ns.lab.\nns IN A 127.0.0.1\n' > "$work/lab.zone"
named -g -c "$work/named.conf" -u root > "$work/named.log" 2>&1 &
pids="$pids $!"
srv() { dig +short +time=1 +tries=1 @127.0.0.1 SRV _sip._udp.chord.lab | sort; }
count() { srv | grep -c . ; }
i=0; until dig +short +time=1 +tries=1 @127.0.0.1 SOA lab | grep -q ns.lab; do i=$((i+1)); [ $i -gt 50 ] && fail "named did not answer"; sleep 0.2; done

node() { "$JAVA" -Xmx256m -Djava.net.preferIPv4Stack=true -cp "$CP" org.interlay.shell.Interlay node --overlay chord --algo chord \
  --port "$1" --sip-port "$2" --dns-update 127.0.0.1:53 --tsig-key "$work/key.conf" --dns-zone lab > "$work/node$1.log" 2>&1 & }
node 4000 5060; first=$!; pids="$pids $first"
i=0; until grep -q "SIP agent" "$work/node4000.log"; do i=$((i+1)); [ $i -gt 300 ] && fail "the first node did not start"; sleep 0.1; done
node 4002 5062; second=$!; pids="$pids $second"
i=0; until [ "$(count)" = 2 ]; do i=$((i+1)); [ $i -gt 300 ] && fail "both agents not in DNS within 30 s: $(srv)"; sleep 0.1; done
echo "both agents up; dig SRV _sip._udp.chord.lab:"; srv | sed 's/^/  /'
echo "  ep-127-0-0-1-5062.chord.lab A $(dig +short @127.0.0.1 A ep-127-0-0-1-5062.chord.lab)"

kill -9 "$second"; killed=$(now)
i=0; until [ "$(count)" = 1 ]; do i=$((i+1)); [ $i -gt 400 ] && fail "the killed agent still in DNS after 40 s: $(srv)"; sleep 0.1; done
echo "after SIGKILL of the agent on 5062: gone from DNS in $(( ($(now) - killed) / 1000000 )) ms:"; srv | sed 's/^/  /'
[ -z "$(dig +short @127.0.0.1 A ep-127-0-0-1-5062.chord.lab)" ] || fail "the killed agent's A record stayed"

kill -TERM "$first"; stopped=$(now)
i=0; until [ "$(count)" = 0 ]; do i=$((i+1)); [ $i -gt 100 ] && fail "the stopped agent still in DNS after 10 s: $(srv)"; sleep 0.1; done
echo "after SIGTERM of the last agent: SRV set empty in $(( ($(now) - stopped) / 1000000 )) ms"
echo "PASS"
