package org.interlay.shell.session;

import static org.interlay.shell.repl.ShellCommand.Completion.ADDRESS;
import static org.interlay.shell.repl.ShellCommand.Completion.NODE;
import static org.interlay.shell.repl.ShellCommand.Completion.NONE;
import static org.interlay.shell.repl.ShellCommand.Completion.OVERLAY;
import static org.interlay.shell.repl.ShellCommand.Completion.ROUTER;
import static org.interlay.shell.repl.ShellCommand.Completion.STATUS;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.interlay.harness.lab.Lab;
import org.interlay.harness.lab.LabOverlay;
import org.interlay.harness.lab.LabRouter;
import org.interlay.harness.peer.OverlayPeer;
import org.interlay.overlay.OverlayStats;
import org.interlay.router.PeerAgent;
import org.interlay.router.offline.OfflineCounts;
import org.interlay.router.sip.MessageSizeLimit;
import org.interlay.router.sip.SipTransport;
import org.interlay.shell.OverlayTable;
import org.interlay.shell.Tables;
import org.interlay.shell.repl.CommandTable;
import org.interlay.shell.repl.Durations;
import org.interlay.shell.repl.ShellCommand;
import org.interlay.shell.repl.ShellEvent;
import org.interlay.shell.repl.ShellInputException;

/** The shell's commands, each a line of {@code help}, acting on a {@link ShellSession}. */
public final class ShellCommands {
    private ShellCommands() {}

    /**
     * The commands acting on {@code s}. They use it only when they run, so a table built with no
     * session (null) serves to check a script before anything starts.
     */
    public static CommandTable table(ShellSession s) {
        CommandTable t = new CommandTable();
        t.add(cmd("overlays", "", "list the overlays discovered: name, algorithm, domain, peers, routers, sources, last seen",
                List.of(), (a, out) -> {
                    none(a, "overlays");
                    out.print(s.overlays().isEmpty() ? "no overlays discovered yet\n" : OverlayTable.render(s.overlays()));
                }));
        t.add(cmd("as", "<aor> [--tcp|--udp] [--password-file F|--password P]", "act as a user (registers it with a peer of its domain); several users may be registered",
                List.of(ADDRESS, NONE), (a, out) -> out.println(actAs(s, a))).withDetails(
                "--tcp: the user's SIP goes over TCP, to its peer and from it (its contact says ;transport=tcp); UDP by default",
                "either way, a request over 1300 bytes goes over TCP on every hop that names no transport (RFC 3261 18.1.1)",
                "a user's transport is chosen by its first 'as' and kept for the session",
                "--password-file F (the 'password' file 'interlay enroll user' wrote) or --password P: answer the digest challenges "
                        + "of an agent that authenticates its users (SHA-256 when offered, else MD5)",
                "in a secure lab (the default of 'interlay lab'), a user of a lab domain given no password authenticates with "
                        + "the one the lab made for it the first time it was used"));
        t.add(cmd("users", "", "the users of this shell, registered or not, and the peer each registers with", List.of(),
                (a, out) -> users(s, a, out, "users")));
        t.add(cmd("who", "", "the same as 'users'", List.of(), (a, out) -> users(s, a, out, "who")));
        t.add(cmd("register", "", "register the current user again", List.of(), (a, out) -> out.println(s.register())));
        t.add(cmd("unregister", "", "remove the current user's registration", List.of(), (a, out) -> out.println(s.unregister())));
        t.add(cmd("lookup", "<aor>", "where a user is registered: contact, overlay, responsible node, hops",
                List.of(ADDRESS), (a, out) -> out.println(s.lookup(one(a, "lookup <aor>")))));
        t.add(cmd("send", "<aor> <text...>", "send a SIP MESSAGE from the current user; the text is at most "
                + MessageSizeLimit.BODY_BYTES + " bytes of UTF-8 (longer is refused before sending)", List.of(ADDRESS, NONE), (a, out) -> {
            if (a.size() < 2) throw new ShellInputException("usage: send <aor> <text...>, e.g. send bob@kad.lab hello");
            out.println(s.send(a.get(0), String.join(" ", a.subList(1, a.size()))));
        }).withDetails("the words after the address are the text, joined by one blank: send bob@kad.lab hello there",
                "double quotes keep blanks and #: send bob@kad.lab \"two  blanks # not a comment\"",
                "inside double quotes a backslash escapes only \" \\ $ ` and is kept before anything else, as in a POSIX shell:",
                "send bob@kad.lab \"a \\\"nested\\\" quote\" sends: a \"nested\" quote; \"a\\nb\" sends a\\nb as it is",
                "outside quotes a backslash escapes any character (\\# is a #)",
                "to a user who has registered before but is not registered now, the message is kept in that user's overlay",
                "(answered 202, printed as 'stored for <aor>') and delivered, in order, when the user registers again"));
        t.add(cmd("burst", "<aor> <n> [every <duration>] <text...>",
                "send n MESSAGEs without waiting for answers (default one every 100ms); the outcome is printed when all end",
                List.of(ADDRESS, NONE), (a, out) -> out.println(burst(s, a))));
        t.add(cmd("inbox", "", "messages the current user received", List.of(), (a, out) -> {
            List<ShellEvent.MessageReceived> in = s.inbox();
            if (in.isEmpty()) out.println("no messages");
            in.forEach(m -> out.println(m.at().toString().substring(11, 19) + "  " + m.from() + ": " + m.text()));
        }));
        t.add(cmd("presence", "<status> [note...]", "publish the current user's presence (open, busy, away, closed ...)",
                List.of(STATUS, NONE), (a, out) -> {
                    if (a.isEmpty()) throw new ShellInputException("usage: presence <status> [note], e.g. presence busy in a meeting");
                    out.println(s.publish(a.get(0), String.join(" ", a.subList(1, a.size()))));
                }).withDetails("closed and offline publish basic status closed; any other word is open, with the word as the first note",
                        "watchers see the word: expect presence alice@chord.lab is busy"));
        t.add(cmd("subscribe", "<aor>", "watch a user's presence (NOTIFYs are shown as they come)", List.of(ADDRESS),
                (a, out) -> out.println(s.subscribe(one(a, "subscribe <aor>")))));
        t.add(cmd("unsubscribe", "<aor>", "stop watching a user's presence", List.of(ADDRESS),
                (a, out) -> out.println(s.unsubscribe(one(a, "unsubscribe <aor>")))));
        t.add(cmd("call", "<aor>", "call a user from the current user; it rings there until answered, and once answered "
                + "audio (RTP) flows straight between the two phones", List.of(ADDRESS), (a, out) -> out.println(s.call(one(a, "call <aor>")))));
        t.add(cmd("answer", "", "answer the current user's ringing call", List.of(), (a, out) -> {
            none(a, "answer");
            out.println(s.answer());
        }));
        t.add(cmd("hangup", "", "end the current user's latest call (cancel it while it rings, decline it, or BYE)", List.of(),
                (a, out) -> {
                    none(a, "hangup");
                    out.println(s.hangup());
                }));
        t.add(cmd("calls", "", "the calls of this shell's users: with whom, state, talk time, RTP packets sent and received",
                List.of(), (a, out) -> calls(s, a, out)));
        t.add(cmd("routers", "", "the routers and which pairs of overlays each bridges", List.of(), (a, out) -> routers(s, out)));
        t.add(cmd("node add", "<overlay> [n]", "start n more peers in an overlay (lab)", List.of(OVERLAY, NONE), (a, out) -> {
            if (a.isEmpty() || a.size() > 2) throw new ShellInputException("usage: node add <overlay> [n]");
            int n = a.size() == 2 ? count(a.get(1)) : 1;
            out.println("started " + String.join(", ", s.requireLab("node add").addPeers(a.get(0), n)));
        }));
        t.add(cmd("node kill", "<id>", "kill a peer at once, no hand-over (lab; ids in 'stats')", List.of(NODE), (a, out) -> {
            String id = one(a, "node kill <id>");
            s.requireLab("node kill").killPeer(id);
            out.println("killed " + id);
        }));
        t.add(cmd("router kill", "<id>|active", "kill a router at once; a standby takes its pairs over (lab)", List.of(ROUTER),
                (a, out) -> out.println("killed router " + s.requireLab("router kill").killRouter(one(a, "router kill <id>|active")))));
        t.add(cmd("router add", "", "start one more router; it joins every overlay of the lab and takes pairs over as the group "
                + "decides (lab)", List.of(), (a, out) -> {
                    none(a, "router add");
                    out.println("started router " + s.requireLab("router add").addRouter());
                }));
        t.add(cmd("stats", "", "peers of each overlay with their records and traffic; SIP agents and routers with the bad input they dropped; users; events", List.of(),
                (a, out) -> stats(s, out)));
        return t;
    }

    private static String actAs(ShellSession s, List<String> a) throws Exception {
        String usage = "usage: as <aor> [--tcp|--udp] [--password-file FILE | --password PASSWORD], e.g. as alice@chord.lab --tcp";
        if (a.isEmpty()) throw new ShellInputException(usage);
        SipTransport transport = null;
        String password = null;
        for (int i = 1; i < a.size(); i++) {
            switch (a.get(i)) {
                case "--tcp" -> transport = SipTransport.TCP;
                case "--udp" -> transport = SipTransport.UDP;
                case "--password", "--password-file" -> {
                    if (i + 1 >= a.size()) throw new ShellInputException(a.get(i) + " needs a value; " + usage);
                    if (password != null) throw new ShellInputException("give one password; " + usage);
                    password = a.get(i).equals("--password") ? a.get(i + 1) : readPassword(a.get(i + 1));
                    i++;
                }
                default -> throw new ShellInputException("'" + a.get(i) + "' is not --tcp or --udp (nor --password or --password-file); " + usage);
            }
        }
        return s.actAs(a.get(0), transport, password);
    }

    /** The first line of {@code file} (as 'interlay enroll user' writes it: the password and a newline). */
    private static String readPassword(String file) {
        try {
            String text = java.nio.file.Files.readString(java.nio.file.Path.of(file), java.nio.charset.StandardCharsets.UTF_8);
            String first = text.lines().findFirst().orElse("").strip();
            if (first.isEmpty()) throw new ShellInputException(file + " holds no password");
            return first;
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            throw new ShellInputException("cannot read the password file " + file + ": " + e.getMessage());
        }
    }

    private static String burst(ShellSession s, List<String> a) {
        String usage = "usage: burst <aor> <n> [every <duration>] <text>, e.g. burst bob@kad.lab 20 every 50ms hello";
        if (a.size() < 3) throw new ShellInputException(usage);
        int n;
        try {
            n = Integer.parseInt(a.get(1));
        } catch (NumberFormatException e) {
            throw new ShellInputException("'" + a.get(1) + "' is not a number of messages; " + usage);
        }
        Duration every = Duration.ofMillis(100);
        int text = 2;
        if (a.get(2).equals("every")) {
            if (a.size() < 5) throw new ShellInputException(usage);
            every = Durations.parse(a.get(3));
            text = 4;
        }
        return s.burst(a.get(0), n, every, String.join(" ", a.subList(text, a.size())));
    }

    private static void users(ShellSession s, List<String> a, PrintWriter out, String name) {
        none(a, name);
        List<ShellSession.UserLine> users = s.userLines();
        if (users.isEmpty()) {
            out.println("no users yet ('as alice@chord.lab' acts as one)");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"USER", "REGISTERED", "WITH", "OVER"});
        for (ShellSession.UserLine u : users) {
            rows.add(new String[] {u.aor() + (u.current() ? " *" : ""), u.registered() ? "yes" : "no", u.registrar(),
                    u.transport()});
        }
        out.print(Tables.format(rows));
        if (users.stream().anyMatch(ShellSession.UserLine::current)) out.println("* the user the shell acts as");
    }

    private static void calls(ShellSession s, List<String> a, PrintWriter out) {
        none(a, "calls");
        List<ShellSession.CallLine> calls = s.callLines();
        if (calls.isEmpty()) {
            out.println("no calls ('call bob@kad.lab' makes one)");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"USER", "CALL", "STATE", "TALK", "RTP SENT", "RTP RECEIVED"});
        for (ShellSession.CallLine c : calls) {
            rows.add(new String[] {c.user(), (c.incoming() ? "from " : "to ") + c.peer(),
                    c.state() + (c.reason().isEmpty() ? "" : " (" + c.reason() + ")"), String.format(java.util.Locale.ROOT, "%.1f s", c.talkMillis() / 1000.0),
                    String.valueOf(c.sent()), String.valueOf(c.received())});
        }
        out.print(Tables.format(rows));
    }

    private static void routers(ShellSession s, PrintWriter out) {
        if (s.lab().isEmpty()) {
            List<String[]> rows = DiscoveredRouterTable.rows(s.directory().adverts());
            if (rows.size() == 1) {
                out.println("no routers discovered");
            } else {
                out.print(Tables.format(rows));
            }
            return;
        }
        List<LabRouter> routers = s.lab().get().routers();
        if (routers.isEmpty()) {
            out.println("no routers ('router add' starts one)");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ROUTER", "SIP", "SERVES", "BRIDGES"});
        for (LabRouter r : routers) {
            rows.add(new String[] {r.id(), r.router().sipAddress().getAddress().getHostAddress() + ":" + r.router().sipAddress().getPort(),
                    String.join(",", r.router().servedDomains().stream().sorted().toList()),
                    r.router().bridgedPairs().isEmpty() ? "(standby)" : r.router().bridgedPairs().toString()});
        }
        out.print(Tables.format(rows));
    }

    /** Frames a secure overlay refused: the total, and by reason when there are any (e.g. {@code 3 unsigned=2 stale=1}). */
    private static String refused(org.interlay.overlay.rpc.RpcStats rpc) {
        StringBuilder b = new StringBuilder(String.valueOf(rpc.refused()));
        rpc.refusedBy().forEach((reason, n) -> b.append(' ').append(reason).append('=').append(n));
        return b.toString();
    }

    private static void stats(ShellSession s, PrintWriter out) {
        if (s.lab().isPresent()) {
            Lab lab = s.lab().get();
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"OVERLAY", "NODE", "ID", "ADDRESS", "RECORDS", "SENT", "RECEIVED", "DROPPED", "REFUSED", "LOOKUPS"});
            for (LabOverlay o : lab.overlays()) {
                for (OverlayPeer p : o.peers()) {
                    OverlayStats st = p.node().stats();
                    rows.add(new String[] {o.domain(), p.spec().nodeId(), st.self().id().shortHex(), st.self().address().toString(),
                            String.valueOf(st.records()), String.valueOf(st.rpc().sent()), String.valueOf(st.rpc().received()),
                            String.valueOf(st.rpc().malformed() + st.rpc().foreign()), refused(st.rpc()), String.valueOf(st.lookups())});
                }
            }
            out.print(Tables.format(rows));
            out.print(SipDropsTable.format(SipDropsTable.of(lab.overlays(), lab.routers())));
            OfflineCounts.Snapshot offline = OfflineCounts.Snapshot.NONE;
            for (LabOverlay o : lab.overlays()) {
                for (PeerAgent agent : o.agents()) offline = offline.plus(agent.offlineMessages());
            }
            for (LabRouter r : lab.routers()) offline = offline.plus(r.router().offlineMessages());
            out.println("offline messages: " + offline);
        }
        out.println("users: " + (s.users().isEmpty() ? "none" : String.join(", ", s.users()))
                + s.currentUser().map(u -> " (acting as " + u + ")").orElse(""));
        out.println("events seen: " + s.events().size());
    }

    private static ShellCommand cmd(String name, String synopsis, String summary, List<ShellCommand.Completion> completions,
                                    ShellCommand.Action action) {
        return new ShellCommand(name, synopsis, summary, completions, action);
    }

    private static String one(List<String> args, String usage) {
        if (args.size() != 1) throw new ShellInputException("usage: " + usage);
        return args.get(0);
    }

    private static void none(List<String> args, String name) {
        if (!args.isEmpty()) throw new ShellInputException("'" + name + "' takes no arguments");
    }

    private static int count(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n < 1 || n > 32) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new ShellInputException("'" + text + "' is not a count from 1 to 32");
        }
    }
}
