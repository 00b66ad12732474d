package org.interlay.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.interlay.shell.LoopbackNotice.LanInterface;
import org.junit.jupiter.api.Test;

/** Forgetting --bind is said once, and only when there is an interface to choose. */
class LoopbackNoticeTest {

    private static final List<LanInterface> LAN = List.of(new LanInterface("eth0", "192.168.1.20"),
            new LanInterface("wlan0", "10.0.0.7"));

    @Test
    void onLoopbackWithOtherInterfacesUpTheNoticeSaysWhereItLooksAndHowToChoose() throws Exception {
        String notice = LoopbackNotice.notice(InetAddress.getByName("127.0.0.1"), LAN).orElseThrow();
        assertTrue(notice.contains("looking on 127.0.0.1 only"), notice);
        assertTrue(notice.contains("--bind <address>, e.g. --bind 192.168.1.20"), notice);
        assertTrue(notice.contains("(interfaces up here: eth0 192.168.1.20, wlan0 10.0.0.7)"), notice);
    }

    @Test
    void nothingIsSaidOnAnInterfaceOrWhenLoopbackIsAllThereIs() throws Exception {
        assertTrue(LoopbackNotice.notice(InetAddress.getByName("192.168.1.20"), LAN).isEmpty());
        assertTrue(LoopbackNotice.notice(InetAddress.getByName("127.0.0.1"), List.of()).isEmpty());
    }

    @Test
    void anEmptyResultSaysWhereItLookedAndForHowLong() throws Exception {
        assertEquals("no overlays found on 127.0.0.1 within 2 s",
                OverlaysCommand.nothingFound(InetAddress.getByName("127.0.0.1"), 2));
        assertEquals("no overlays found on 10.0.0.7 within 0.5 s",
                OverlaysCommand.nothingFound(InetAddress.getByName("10.0.0.7"), 0.5));
    }
}
