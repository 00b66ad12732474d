#!/usr/bin/env bash
# How long a caller waits for a final response when the only router between two overlays dies.
# Three hosts on a private LAN of network namespaces (10.77.0.1-3 on a bridge; needs root): a Chord
# peer with its SIP agent on host 1, a Kademlia peer with its agent on host 2 (bob@kad.lab registered
# there, answered by SIPp), one router on host 3. SIPp on host 1 sends MESSAGE to bob@kad.lab through
# the chord.lab agent, once while the router lives, then the router is made to fail, and one MESSAGE
# is sent at each of several delays after that; each line gives the time from the request to the final
# response (SIPp's start included, about 0.1 s), the copies SIPp sent, and the answer.
#   interop-router/no-router-bench.sh [kill|stop|sipdrop] [interlay.jar]
# kill: SIGKILL (the group sees the sockets close); stop: SIGSTOP (a frozen host: the group's failure
# detector has to notice); sipdrop: the router host drops SIP only, so the group never says it is gone
# and only the agent's failover window ends the wait. After kill, the router is started again and
# MESSAGEs are sent until one is answered 200.
# Build the jar first: mvn -B -o -q -pl shell -am package -DskipTests
set -uo pipefail
mode="${1:-kill}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$(cd "$here/.." && pwd)/shell/target/interlay.jar"
jar="${2:-$jar}"
scenarios="$here/src/test/resources/sipp"
out="$(mktemp -d)"
p="ilnr$$"
[ "$(id -u)" = 0 ] || { echo "needs root (network namespaces)"; exit 2; }
[ -f "$jar" ] || { echo "no $jar: build it first"; exit 2; }
cleanup() {
  for h in h1 h2 h3; do for pid in $(ip netns pids "$p-$h" 2>/dev/null); do kill -9 "$pid" 2>/dev/null; done; done
  for n in h1 h2 h3 sw; do ip netns del "$p-$n" 2>/dev/null; done
}
trap cleanup EXIT
ip netns add "$p-sw"; ip -n "$p-sw" link add br0 type bridge mcast_snooping 0; ip -n "$p-sw" link set br0 up
for n in 1 2 3; do
  ip netns add "$p-h$n"
  ip link add veth0 netns "$p-h$n" type veth peer name "p$n" netns "$p-sw"
  ip -n "$p-sw" link set "p$n" master br0; ip -n "$p-sw" link set "p$n" up
  ip -n "$p-h$n" addr add "10.77.0.$n/24" dev veth0; ip -n "$p-h$n" link set veth0 up; ip -n "$p-h$n" link set lo up
  ip -n "$p-h$n" route add 224.0.0.0/4 dev veth0
done
on() { local h="$1"; shift; ip netns exec "$p-$h" "$@"; }
J=(java -Xmx256m -Djava.net.preferIPv4Stack=true -jar "$jar")
on h1 "${J[@]}" node --bind 10.77.0.1 --overlay chord --algo chord --port 4000 --sip-port 5060 >"$out/chord.log" 2>&1 &
on h2 "${J[@]}" node --bind 10.77.0.2 --overlay kad --algo kademlia --port 4000 --sip-port 5060 >"$out/kad.log" 2>&1 &
sleep 6
on h3 "${J[@]}" router --bind 10.77.0.3 --id r1 --overlays chord.lab,kad.lab --sip-port 5070 >"$out/router.log" 2>&1 &
sleep 10
S=(sipp -nostdin -timeout_error)
for i in $(seq 1 10); do
  (cd "$out" && on h2 "${S[@]}" -sf "$scenarios/register.xml" -i 10.77.0.2 -p 5090 -key user bob -key domain kad.lab \
      -key contact_port 5091 -m 1 -timeout 10s 10.77.0.2:5060 >register.out 2>&1) && break
  sleep 2
done
(cd "$out" && on h2 "${S[@]}" -sf "$scenarios/message-server.xml" -i 10.77.0.2 -p 5091 -timeout 200s >server.out 2>&1 &)
sleep 1
send() { # label, SIPp port
  local t0 t1 rc
  t0=$(date +%s%N)
  (cd "$out" && on h1 "${S[@]}" -sf "$scenarios/message-any-final.xml" -i 10.77.0.1 -p "$2" -s bob@kad.lab -m 1 \
      -timeout 45s -trace_msg -message_file "msg-$1.log" 10.77.0.1:5060 >"sipp-$1.out" 2>&1)
  rc=$?; t1=$(date +%s%N)
  local sends final ra
  sends=$(grep -c '^MESSAGE sip' "$out/msg-$1.log")
  final=$(grep -E '^SIP/2.0 [2-6][0-9][0-9]' "$out/msg-$1.log" | head -1)
  ra=$(grep -i '^Retry-After' "$out/msg-$1.log" | head -1)
  printf '%-10s %6.2f s  sends %-2s sipp rc %s  %s %s\n' "$1" "$(echo "($t1-$t0)/1000000000" | bc -l)" "$sends" "$rc" \
      "${final:-no final response}" "$ra"
}
for i in $(seq 1 10); do send alive 5100 | tee "$out/alive.line" | grep -q ' 200 ' && break; sleep 2; done
cat "$out/alive.line"
case "$mode" in
  kill) kill -9 $(ip netns pids "$p-h3") ;;
  stop) kill -STOP $(ip netns pids "$p-h3") ;;
  sipdrop) # local delivery looked up after a rule that drops SIP arriving at the router's host
    ip -n "$p-h3" rule add pref 100 lookup local && ip -n "$p-h3" rule del pref 0 \
        && ip -n "$p-h3" rule add pref 10 iif veth0 ipproto udp dport 5070 blackhole ;;
  *) echo "unknown mode $mode"; exit 2 ;;
esac
echo "router: $mode"
waits=()
at() { sleep "$2"; send "$1" "$3"; }
port=5101
for delay in 0 2 5 10 20 40 60; do
  at "+${delay}s" "$delay" "$port" & waits+=($!)
  port=$((port + 1))
done
wait "${waits[@]}"
if [ "$mode" = kill ]; then # a router comes back: requests flow again
  on h3 "${J[@]}" router --bind 10.77.0.3 --id r1 --overlays chord.lab,kad.lab --sip-port 5070 >"$out/router2.log" 2>&1 &
  started=$(date +%s)
  for i in $(seq 1 30); do send "back" 5110 | tee "$out/back.line" | grep -q ' 200 ' && break; sleep 1; done
  echo "router restarted; first 200 within $(( $(date +%s) - started )) s of the restart:"
  cat "$out/back.line"
fi
rm -rf "$out"
